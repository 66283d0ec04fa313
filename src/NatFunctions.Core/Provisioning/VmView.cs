using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// A VM as callers see it. <see cref="SyncState"/> sums up its forwards and DHCP mapping: failed beats pending beats
/// applied. <see cref="DhcpSyncState"/> is null for a VM without a MAC (it gets no static mapping).
/// </summary>
public sealed record VmView(
    string MachineId,
    string Router,
    string? IpPool,
    string InternalIp,
    string? MacAddress,
    string? Metadata,
    IReadOnlyDictionary<string, int> ExternalPorts,
    IReadOnlyList<ForwardView> Forwards,
    SyncState SyncState,
    SyncState? DhcpSyncState,
    string? DhcpLastError,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    Guid ConcurrencyStamp)
{
    public static VmView From(Vm vm)
    {
        var forwards = vm.Forwards.OrderBy(f => f.PortName, StringComparer.Ordinal).Select(ForwardView.From).ToList();
        return new VmView(
            vm.MachineId,
            vm.Router,
            vm.IpPool?.Name,
            vm.InternalIp,
            vm.MacAddress,
            vm.Metadata,
            forwards.ToDictionary(f => f.PortName, f => f.ExternalPort, StringComparer.Ordinal),
            forwards,
            Summarise(vm),
            vm.MacAddress is null ? null : vm.DhcpSyncState,
            vm.MacAddress is null ? null : vm.DhcpLastError,
            vm.CreatedAt,
            vm.UpdatedAt,
            vm.ConcurrencyStamp);
    }

    private static SyncState Summarise(Vm vm)
    {
        var states = vm.Forwards.Select(f => f.SyncState).Append(vm.MacAddress is null ? SyncState.Applied : vm.DhcpSyncState).ToList();
        return states.Contains(SyncState.Failed) ? SyncState.Failed
            : states.Contains(SyncState.Pending) ? SyncState.Pending
            : SyncState.Applied;
    }
}
