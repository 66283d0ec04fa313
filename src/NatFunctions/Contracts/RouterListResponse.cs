namespace NatFunctions.Contracts;

/// <summary>Every configured router, in configuration order.</summary>
public sealed record RouterListResponse(IReadOnlyList<RouterResponse> Items);
