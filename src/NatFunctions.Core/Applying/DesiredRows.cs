using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Applying;

/// <summary>
/// One read of a router's rows: the desired state built from them, and each row's identity and concurrency stamp as
/// read, so the outcome is written only to rows nobody changed in the meantime.
/// </summary>
public sealed record DesiredRows(
    DesiredState Desired,
    IReadOnlyDictionary<int, StoredRow> ForwardsByRule,
    IReadOnlyDictionary<string, StoredRow> VmsByMapping,
    IReadOnlyList<StoredRow> PendingForwards,
    IReadOnlyList<StoredRow> PendingVms)
{
    /// <param name="vms">Every VM of the router with its forwards, as read.</param>
    public static DesiredRows From(IReadOnlyList<Vm> vms, RouterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(vms);
        ArgumentNullException.ThrowIfNull(settings);
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
