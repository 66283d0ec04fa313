using System.Net;
using System.Net.Sockets;

namespace NatFunctions.VyosSimulator.Commit;

/// <summary>Dotted IPv4 text as a number, for comparisons and range checks.</summary>
internal static class Ipv4Address
{
    public static bool TryParse(string? text, out uint number)
    {
        number = 0;
        if (text is null || !IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetwork) return false;
        var bytes = address.GetAddressBytes();
        number = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        return true;
    }
}
