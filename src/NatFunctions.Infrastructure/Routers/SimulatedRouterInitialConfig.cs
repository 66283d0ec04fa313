using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// The configuration a fresh simulated router starts with, as an operator would have prepared it before handing it to
/// us: its WAN interface, and when the router has a DHCP subnet, an interface (eth1) holding the subnet's first host address and a small
/// dynamic range at the subnet's top, so static mappings we add are served and the subnet stays valid once our last
/// mapping is gone. Without them VyOS refuses the DHCP server: sagitta/circinus:src/conf_mode/service_dhcp-server.py
/// verify() ("None of the configured subnets have an appropriate primary IP address …" and "No DHCP address range or
/// active static-mapping configured …"); 1.5 also needs a subnet-id (circinus:src/conf_mode/service_dhcp-server.py).
/// </summary>
internal static partial class SimulatedRouterInitialConfig
{
    private const int DynamicRangeSize = 4;
    private const string LanInterface = "eth1";

    /// <returns><c>show configuration commands</c> text: the WAN interface, and the LAN when the router has a DHCP subnet.</returns>
    public static string For(RouterSettings settings)
    {
        var lines = new List<string>();
        // The inbound (WAN) interface exists, so the rules match traffic and commit without nat.py's missing-interface
        // warning (sagitta:src/conf_mode/nat.py verify()), and the router preflight is green on a fresh local stack.
        if (WanEthernet().IsMatch(settings.InboundInterface) && settings.InboundInterface != LanInterface)
        {
            lines.Add($"set interfaces ethernet {settings.InboundInterface} address 'dhcp'");
        }

        if (settings.DhcpSharedNetwork is { } network
            && IPNetwork.TryParse(settings.DhcpSubnet, out var subnet)
            && subnet.BaseAddress.AddressFamily == AddressFamily.InterNetwork
            && subnet.PrefixLength <= 32 - 3)
        {
            var first = ToNumber(subnet.BaseAddress);
            var broadcast = first + (1u << (32 - subnet.PrefixLength)) - 1;
            var rangeStop = broadcast - 1;
            var rangeStart = Math.Max(first + 2, rangeStop - (DynamicRangeSize - 1));
            var prefix = $"set service dhcp-server shared-network-name {network} subnet {settings.DhcpSubnet} ";
            lines.Add($"set interfaces ethernet {LanInterface} address '{ToAddress(first + 1)}/{subnet.PrefixLength}'");
            lines.Add(prefix + $"range 0 start '{ToAddress(rangeStart)}'");
            lines.Add(prefix + $"range 0 stop '{ToAddress(rangeStop)}'");
            if (settings.VyosVersion.RequiresDhcpSubnetId) lines.Add(prefix + "subnet-id '1'");
        }

        // VyOS's default configuration keeps 100 commit revisions (sagitta:tests/data/config.boot.default); commit-confirm
        // needs them: 1.3 refuses without, 1.4/1.5 cannot revert without (config_mgmt.py _read_tmp_log_entry).
        lines.Add("set system config-management commit-revisions '100'");
        return string.Concat(lines.Select(line => line + "\n"));
    }

    [GeneratedRegex(@"^eth[0-9]{1,3}\z")]
    private static partial Regex WanEthernet();

    private static uint ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static string ToAddress(uint number) =>
        new IPAddress([(byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number]).ToString();
}
