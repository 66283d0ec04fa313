using System.Text.Json;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;

namespace NatFunctions.Contracts;

/// <summary>VMProvisionResponse, and the VM shape of every VM and port endpoint.</summary>
public sealed record VmResponse(
    string MachineId,
    string Router,
    string? IpPool,
    string InternalIp,
    string? MacAddress,
    IReadOnlyDictionary<string, int> ExternalPorts,
    IReadOnlyList<ForwardResponse> Forwards,
    SyncState SyncState,
    DhcpMappingState? DhcpSyncState,
    string? DhcpLastError,
    JsonElement? Metadata,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static VmResponse From(VmView vm) => new(
        vm.MachineId,
        vm.Router,
        vm.IpPool,
        vm.InternalIp,
        vm.MacAddress,
        vm.ExternalPorts,
        vm.Forwards.Select(ForwardResponse.From).ToList(),
        vm.SyncState,
        vm.DhcpSyncState,
        vm.DhcpLastError,
        vm.Metadata is null ? null : JsonDocument.Parse(vm.Metadata).RootElement.Clone(),
        vm.CreatedAt,
        vm.UpdatedAt);
}
