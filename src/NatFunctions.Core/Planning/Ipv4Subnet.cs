using System.Net;

namespace NatFunctions.Core.Planning;

/// <summary>Whether an address lies in a subnet written as VyOS writes it (<c>192.168.64.0/24</c>).</summary>
public static class Ipv4Subnet
{
    /// <summary>True when inside, and when either text cannot be read: only a sure answer may refuse anything.</summary>
    public static bool Contains(string subnet, string address) =>
        !IPNetwork.TryParse(subnet, out var network) || !IPAddress.TryParse(address, out var ip) || network.Contains(ip);
}
