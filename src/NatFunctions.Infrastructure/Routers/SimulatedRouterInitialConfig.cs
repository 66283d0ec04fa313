using System.Net;
using System.Net.Sockets;
using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// The configuration a fresh simulated router starts with, as an operator would have prepared it before handing it to
/// us: when the router has a DHCP subnet, an interface (eth1) holding the subnet's first host address and a small
/// dynamic range at the subnet's top, so static mappings we add are served and the subnet stays valid once our last
/// mapping is gone. Without them VyOS refuses the DHCP server: sagitta/circinus:src/conf_mode/service_dhcp-server.py
/// verify() ("None of the configured subnets have an appropriate primary IP address …" and "No DHCP address range or
/// active static-mapping configured …"); 1.5 also needs a subnet-id (circinus:src/conf_mode/service_dhcp-server.py).
/// </summary>
internal static class SimulatedRouterInitialConfig
{
    private const int DynamicRangeSize = 4;

    /// <returns><c>show configuration commands</c> text, or null when the router has no DHCP subnet.</returns>
    public static string? For(RouterSettings settings)
    {
        if (settings.DhcpSharedNetwork is not { } network
            || !IPNetwork.TryParse(settings.DhcpSubnet, out var subnet)
            || subnet.BaseAddress.AddressFamily != AddressFamily.InterNetwork
            || subnet.PrefixLength > 32 - 3)
        {
            return null;
        }

        var first = ToNumber(subnet.BaseAddress);
        var broadcast = first + (1u << (32 - subnet.PrefixLength)) - 1;
        var rangeStop = broadcast - 1;
        var rangeStart = Math.Max(first + 2, rangeStop - (DynamicRangeSize - 1));
        var prefix = $"set service dhcp-server shared-network-name {network} subnet {settings.DhcpSubnet} ";
        var lines = new List<string>
        {
            $"set interfaces ethernet eth1 address '{ToAddress(first + 1)}/{subnet.PrefixLength}'",
            prefix + $"range 0 start '{ToAddress(rangeStart)}'",
            prefix + $"range 0 stop '{ToAddress(rangeStop)}'",
        };
        if (settings.VyosVersion.RequiresDhcpSubnetId)
        {
            lines.Add(prefix + "subnet-id '1'");
        }

        return string.Concat(lines.Select(line => line + "\n"));
    }

    private static uint ToNumber(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static string ToAddress(uint number) =>
        new IPAddress([(byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number]).ToString();
}
