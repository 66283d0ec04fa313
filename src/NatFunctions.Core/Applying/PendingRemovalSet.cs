using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Applying;

/// <summary>
/// One read of a router's <see cref="NatFunctions.Core.Domain.PendingRemoval"/> rows: the deletions that writes asked
/// for. A reconcile that applies only pending changes sends a deletion only when it is in here; any other owned object
/// without a row is drift, which report mode leaves alone.
/// </summary>
public sealed class PendingRemovalSet(IReadOnlyList<long> ids, IReadOnlySet<RouterObjectKey> removed)
{
    /// <param name="rows">The router's removal rows, as read.</param>
    public static PendingRemovalSet From(IReadOnlyList<PendingRemoval> rows, RouterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
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

    /// <summary>The ids of the rows this set was read from.</summary>
    public IReadOnlyList<long> Ids => ids;
}
