using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Provisioning;

/// <summary>
/// A VM as callers see it. <see cref="SyncState"/> sums up its forwards and DHCP mapping: failed beats pending beats
/// applied. <see cref="DhcpSyncState"/> is null for a VM without a MAC (it gets no static mapping) and
/// <see cref="DhcpMappingState.NotConfigured"/> on a router that does not manage DHCP.
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
    DhcpMappingState? DhcpSyncState,
    string? DhcpLastError,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    Guid ConcurrencyStamp)
{
    public static VmView From(Vm vm, IRouterClientFactory routers)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var mapped = vm.MacAddress is not null && routers.ManagesDhcp(vm.Router);
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
            Summarise(vm, mapped),
            vm.MacAddress is null ? null : mapped ? MappingState(vm.DhcpSyncState) : DhcpMappingState.NotConfigured,
            mapped ? vm.DhcpLastError : null,
            vm.CreatedAt,
            vm.UpdatedAt,
            vm.ConcurrencyStamp);
    }

    private static DhcpMappingState MappingState(SyncState state) => state switch
    {
        SyncState.Pending => DhcpMappingState.Pending,
        SyncState.Applied => DhcpMappingState.Applied,
        SyncState.Failed => DhcpMappingState.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a sync state"),
    };

    private static SyncState Summarise(Vm vm, bool mapped)
    {
        var states = vm.Forwards.Select(f => f.SyncState).Append(mapped ? vm.DhcpSyncState : SyncState.Applied).ToList();
        return states.Contains(SyncState.Failed) ? SyncState.Failed
            : states.Contains(SyncState.Pending) ? SyncState.Pending
            : SyncState.Applied;
    }
}
