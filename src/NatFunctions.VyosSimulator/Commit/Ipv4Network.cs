using System.Globalization;
using System.Net;

namespace NatFunctions.VyosSimulator.Commit;

/// <summary>Python's <c>ipaddress.ip_network</c>/<c>ip_address</c> for the IPv4 checks of the DHCP conf scripts.</summary>
internal readonly record struct Ipv4Network(uint Network, int PrefixLength)
{
    private uint Mask => PrefixLength == 0 ? 0u : uint.MaxValue << (32 - PrefixLength);

    private uint Last => Network | ~Mask;

    public static bool TryParse(string text, out Ipv4Network network)
    {
        network = default;
        var slash = text.IndexOf('/');
        if (slash < 0 || !Ipv4Address.TryParse(text[..slash], out var address)) return false;
        if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > 32) return false;
        network = new Ipv4Network(address, length);
        network = network with { Network = address & network.Mask };
        return true;
    }

    /// <summary>vyos.utils.network <c>is_ip_network</c>: CIDR text whose address has no host bits (strict <c>ip_network</c>).</summary>
    public static bool IsStrictNetwork(string text) =>
        TryParse(text, out var network) && Ipv4Address.TryParse(text[..text.IndexOf('/')], out var address) && address == network.Network;

    public bool Contains(uint address) => (address & Mask) == Network;

    public bool Overlaps(Ipv4Network other) => Contains(other.Network) || other.Contains(Network) || Contains(other.Last) || other.Contains(Last);

    public override string ToString() => $"{new IPAddress(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(Network)))}/{PrefixLength}";
}
