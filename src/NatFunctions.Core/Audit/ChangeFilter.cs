using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Audit;

/// <summary>Which audited sessions a page of GET /v1/admin/changes holds; null parts do not filter.</summary>
/// <param name="Since">Sessions that started at or after this instant (UTC).</param>
/// <param name="Until">Sessions that started before this instant (UTC).</param>
public sealed record ChangeFilter(string? Router, ChangeResult? Result, ChangeTrigger? Trigger, DateTime? Since, DateTime? Until)
{
    public static readonly ChangeFilter None = new(null, null, null, null, null);
}
