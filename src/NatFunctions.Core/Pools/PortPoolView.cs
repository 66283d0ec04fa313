using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Pools;

/// <summary>A port pool as callers see it: its definition and how many of its ports forwards use.</summary>
public sealed record PortPoolView(
    string Name,
    string Router,
    int StartPort,
    int EndPort,
    bool IsActive,
    long Capacity,
    long Used,
    long Free,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static PortPoolView From(PortPoolUsage usage)
    {
        var pool = usage.Pool;
        var capacity = Math.Max(0, pool.EndPort - pool.StartPort + 1);
        return new PortPoolView(
            pool.Name,
            pool.Router,
            pool.StartPort,
            pool.EndPort,
            pool.IsActive,
            capacity,
            usage.Used,
            Math.Max(0, capacity - usage.Used),
            pool.CreatedAt,
            pool.UpdatedAt);
    }
}
