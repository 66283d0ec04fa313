using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Applying;

/// <summary>
/// One read of a router's rows: the desired state built from them, and each row's identity and concurrency stamp as
/// read, so the outcome is written only to rows nobody changed in the meantime.
/// </summary>
internal sealed record DesiredRows(
    DesiredState Desired,
    IReadOnlyDictionary<int, StoredRow> ForwardsByRule,
    IReadOnlyDictionary<string, StoredRow> VmsByMapping,
    IReadOnlyList<StoredRow> PendingForwards,
    IReadOnlyList<StoredRow> PendingVms)
{
    public static async Task<DesiredRows> ReadAsync(NatFunctionsDbContext db, RouterSettings settings, CancellationToken cancellationToken)
    {
        var vms = await db.Vms.AsNoTracking()
            .Include(vm => vm.Forwards)
            .Where(vm => vm.Router == settings.Name)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var ownership = new RouterOwnership(settings);
        var forwards = vms.SelectMany(vm => vm.Forwards).ToList();
        var byRule = new Dictionary<int, StoredRow>();
        foreach (var forward in forwards) byRule.TryAdd(forward.NatRuleNumber, new StoredRow(forward.Id, forward.ConcurrencyStamp));

        return new DesiredRows(
            new DesiredStateBuilder(settings).Build(vms),
            byRule,
            vms.ToDictionary(vm => ownership.MappingName(vm.MachineId), vm => new StoredRow(vm.Id, vm.ConcurrencyStamp), StringComparer.Ordinal),
            [.. forwards.Where(f => f.SyncState == SyncState.Pending).Select(f => new StoredRow(f.Id, f.ConcurrencyStamp))],
            [.. vms.Where(vm => vm.DhcpSyncState == SyncState.Pending).Select(vm => new StoredRow(vm.Id, vm.ConcurrencyStamp))]);
    }
}
