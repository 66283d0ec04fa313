namespace NatFunctions.Contracts;

/// <summary>Every IP pool (schema <c>IpPoolList</c>).</summary>
public sealed record IpPoolListResponse(IReadOnlyList<IpPoolResponse> Items);
