using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Pools;

/// <summary>An IP pool as callers see it: its definition and how much of its range is taken.</summary>
public sealed record IpPoolView(
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
    public static IpPoolView From(IpPoolUsage usage)
    {
        var pool = usage.Pool;
        var capacity = IpPoolAddresses.FromStored(pool)?.Capacity ?? 0;
        return new IpPoolView(
            pool.Name,
            pool.Router,
            pool.Cidr,
            pool.RangeStart,
            pool.RangeEnd,
            pool.IsActive,
            capacity,
            usage.Used,
            Math.Max(0, capacity - usage.Used),
            pool.CreatedAt,
            pool.UpdatedAt);
    }
}
