namespace NatFunctions.Core.Audit;

/// <summary>The query parameters of GET /v1/admin/changes as sent, before validation.</summary>
public sealed record ChangeQueryText(
    string? Router = null,
    string? Result = null,
    string? Trigger = null,
    string? Since = null,
    string? Until = null,
    string? Cursor = null,
    string? PageSize = null);
