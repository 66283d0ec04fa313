using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Pools;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.Infrastructure.Pools;

namespace NatFunctions.Infrastructure.Metrics;

/// <summary>
/// Reads the database-derived gauges with aggregate queries (one per pool kind, one per pending kind), whatever the
/// number of pools, VMs or forwards.
/// </summary>
internal sealed class InventoryReader(NatFunctionsDbContext db, IRouterClientFactory routers)
{
    public async Task<InventorySnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var ipPools = await new EfIpPoolRepository(db).ListWithUsageAsync(cancellationToken).ConfigureAwait(false);
        var portPools = await new EfPortPoolRepository(db).ListWithUsageAsync(cancellationToken).ConfigureAwait(false);
        var levels = ipPools.Select(IpPoolView.From).Select(pool => new PoolLevel(pool.Router, pool.Name, "ip", pool.Capacity, pool.Free))
            .Concat(portPools.Select(PortPoolView.From).Select(pool => new PoolLevel(pool.Router, pool.Name, "port", pool.Capacity, pool.Free)))
            .ToList();

        var pendingForwards = await db.PortForwards.AsNoTracking()
            .Where(forward => forward.SyncState == SyncState.Pending)
            .GroupBy(forward => forward.Router)
            .Select(group => new { Router = group.Key, Count = group.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var pendingMappings = await db.Vms.AsNoTracking()
            .Where(vm => vm.DhcpSyncState == SyncState.Pending)
            .GroupBy(vm => vm.Router)
            .Select(group => new { Router = group.Key, Count = group.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Every configured router gets a value, so "nothing pending" is 0 rather than an absent series.
        var pending = routers.RouterNames.ToDictionary(name => name, _ => 0, StringComparer.OrdinalIgnoreCase);
        foreach (var row in pendingForwards.Concat(pendingMappings))
        {
            pending[row.Router] = pending.GetValueOrDefault(row.Router) + row.Count;
        }

        return new InventorySnapshot(levels, pending);
    }
}
