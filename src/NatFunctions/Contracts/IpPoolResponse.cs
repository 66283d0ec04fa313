using NatFunctions.Core.Pools;

namespace NatFunctions.Contracts;

/// <summary>An IP pool; <c>used</c> counts the VMs holding an address from it, <c>capacity</c> the addresses in its range.</summary>
public sealed record IpPoolResponse(
    string Name,
    string Router,
    string Cidr,
    string RangeStart,
    string RangeEnd,
    bool IsActive,
    long Capacity,
    long Used,
    long Free,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static IpPoolResponse From(IpPoolView pool) => new(
        pool.Name,
        pool.Router,
        pool.Cidr,
        pool.RangeStart,
        pool.RangeEnd,
        pool.IsActive,
        pool.Capacity,
        pool.Used,
        pool.Free,
        pool.CreatedAt,
        pool.UpdatedAt);
}
