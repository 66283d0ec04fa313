using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Applying;

/// <summary>
/// One read of a router's <see cref="NatFunctions.Core.Domain.PendingRemoval"/> rows: the deletions that writes asked
/// for. A reconcile that applies only pending changes sends a deletion only when it is in here; any other owned object
/// without a row is drift, which report mode leaves alone.
/// </summary>
internal sealed class PendingRemovalSet(IReadOnlyList<long> ids, IReadOnlySet<RouterObjectKey> removed)
{
    public static async Task<PendingRemovalSet> ReadAsync(NatFunctionsDbContext db, RouterSettings settings, CancellationToken cancellationToken)
    {
        var rows = await db.PendingRemovals.AsNoTracking()
            .Where(removal => removal.Router == settings.Name)
            .Select(removal => new { removal.Id, removal.RuleNumber, removal.MachineId })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var ownership = new RouterOwnership(settings);
        var removed = new HashSet<RouterObjectKey>();
        foreach (var row in rows)
        {
            if (row.RuleNumber is { } number) removed.Add(RouterObjectKey.NatRule(number));
            if (row.MachineId is { } machine) removed.Add(RouterObjectKey.DhcpMapping(ownership.MappingName(machine)));
        }

        return new PendingRemovalSet([.. rows.Select(row => row.Id)], removed);
    }

    /// <summary>Whether a write removed the object this deletion is for.</summary>
    public bool Requested(PlannedChange change) => removed.Contains(change.Key);

    /// <summary>
    /// The router no longer needs these deletions (sent and committed, or nothing left to delete). Only the rows read
    /// are cleared: a removal written meanwhile waits for the next reconcile.
    /// </summary>
    public async Task ClearAsync(NatFunctionsDbContext db, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        await db.PendingRemovals.Where(removal => ids.Contains(removal.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
