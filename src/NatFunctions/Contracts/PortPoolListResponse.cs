namespace NatFunctions.Contracts;

/// <summary>Every port pool (schema <c>PortPoolList</c>).</summary>
public sealed record PortPoolListResponse(IReadOnlyList<PortPoolResponse> Items);
