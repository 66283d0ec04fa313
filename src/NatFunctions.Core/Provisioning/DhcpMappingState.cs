namespace NatFunctions.Core.Provisioning;

/// <summary>
/// What callers read as a VM's <c>dhcp_sync_state</c>: the sync state of its static mapping, or
/// <see cref="NotConfigured"/> when its router has no DHCP shared network and subnet configured, so no mapping is
/// ever written there (reporting <c>applied</c> would claim a mapping that does not exist).
/// </summary>
public enum DhcpMappingState
{
    Pending,
    Applied,
    Failed,
    NotConfigured,
}
