namespace NatFunctions.Contracts;

/// <summary>A page of VMs; pass <see cref="NextCursor"/> as <c>?cursor=</c> for the next page (null on the last).</summary>
public sealed record VmListResponse(IReadOnlyList<VmResponse> Items, string? NextCursor);
