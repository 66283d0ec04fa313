namespace NatFunctions.Infrastructure.Metrics;

/// <summary>The database-derived gauges at one moment: pool levels and, per configured router, changes not yet on it.</summary>
public sealed record InventorySnapshot(IReadOnlyList<PoolLevel> Pools, IReadOnlyDictionary<string, int> PendingByRouter)
{
    public static readonly InventorySnapshot Empty = new([], new Dictionary<string, int>());
}
