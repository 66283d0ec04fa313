using System.Globalization;

namespace NatFunctions.Core.Networking;

/// <summary>
/// An IPv4 network in CIDR form. Host bits must be zero (<c>192.168.64.0/24</c>, not <c>192.168.64.1/24</c>):
/// VyOS 1.4+ rejects prefixes with host bits set, so we refuse them before they reach a router.
/// </summary>
public readonly record struct Ipv4Network(Ipv4Address Network, int PrefixLength)
{
    public uint Mask => PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength);

    public Ipv4Address First => Network;

    public Ipv4Address Last => new(Network.Value | ~Mask);

    public static bool TryParse(string? text, out Ipv4Network network)
    {
        network = default;
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0)
        {
            return false;
        }

        var lengthText = text[(slash + 1)..];
        if (!Ipv4Address.TryParse(text[..slash], out var address) ||
            lengthText.Length is 0 or > 2 || (lengthText.Length > 1 && lengthText[0] == '0') || !lengthText.All(char.IsAsciiDigit))
        {
            return false;
        }

        var length = int.Parse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture);
        if (length > 32)
        {
            return false;
        }

        var candidate = new Ipv4Network(address, length);
        if ((address.Value & ~candidate.Mask) != 0)
        {
            return false;
        }

        network = candidate;
        return true;
    }

    public bool Contains(Ipv4Address address) => (address.Value & Mask) == Network.Value;

    public bool Overlaps(Ipv4Network other) => Contains(other.First) || other.Contains(First);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Network}/{PrefixLength}");
}
