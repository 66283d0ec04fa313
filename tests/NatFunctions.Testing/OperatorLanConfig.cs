using NatFunctions.Core.Vyos;

namespace NatFunctions.Testing;

/// <summary>
/// The router configuration the rigs start from when a test gives none (integration and end-to-end tests).
/// </summary>
public static class OperatorLanConfig
{
    /// <summary>
    /// The LAN an operator configures before handing the router to us: an interface address inside the DHCP subnet
    /// (sagitta/circinus:src/conf_mode/service_dhcp-server.py verify() refuses a shared-network when no interface has
    /// an address in one of its subnets, "None of the configured subnets have an appropriate primary IP address") and
    /// a dynamic range outside the IP pool, so the subnet stays valid after our last static mapping is deleted
    /// ("No DHCP address range or active static-mapping configured"). 1.5 requires a subnet-id
    /// (circinus:interface-definitions/service_dhcp-server.xml.in, verify()). 1.4/1.5 keep VyOS's default
    /// <c>commit-revisions 100</c>: without it commit-confirm cannot revert (sagitta/circinus:python/vyos/config_mgmt.py
    /// _read_tmp_log_entry); 1.3 routers start without it, as CommitConfirmOnVyos13Tests needs.
    /// </summary>
    public static string For(VyosVersion version) =>
        "set interfaces ethernet eth1 address '192.168.64.1/24'\n"
        + "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 range 0 start '192.168.64.251'\n"
        + "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 range 0 stop '192.168.64.254'\n"
        + (version.RequiresDhcpSubnetId ? "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 subnet-id '1'\n" : string.Empty)
        + (version == VyosVersion.V1_3 ? string.Empty : "set system config-management commit-revisions '100'\n");
}
