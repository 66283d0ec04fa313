using System.Globalization;

namespace NatFunctions.VyosSimulator.Schema;

/// <summary>
/// The <c>ipaddrcheck</c> options VyOS's IPv4 validators call (sagitta:src/validators/ipv4-address
/// <c>--is-ipv4-single</c>, ipv4-prefix <c>--is-ipv4-net</c>), plus the range test of src/validators/ipv4-range.
/// An address is four dot-separated decimal octets up to 255 without leading zeros.
/// </summary>
internal static class Ipaddrcheck
{
    /// <summary><c>--is-ipv4-single</c>.</summary>
    public static bool IsIpv4Single(string text) => Octets(text) is not null;

    /// <summary><c>--is-ipv4-net</c>: <c>address/length</c> where the address is the network's (no host bits).</summary>
    public static bool IsIpv4Net(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || Octets(text[..slash]) is not { } address) return false;
        if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits > 32) return false;
        var hostBits = bits == 32 ? 0u : uint.MaxValue >> bits;
        return (address & hostBits) == 0;
    }

    /// <summary>
    /// src/validators/ipv4-range: two addresses around one <c>-</c>, the first numerically below the second
    /// (the script fails on <c>-ge</c>).
    /// </summary>
    public static bool IsIpv4Range(string text)
    {
        var dash = text.IndexOf('-');
        if (dash < 0 || text.IndexOf('-', dash + 1) >= 0) return false;
        return Octets(text[..dash]) is { } first && Octets(text[(dash + 1)..]) is { } last && first < last;
    }

    /// <summary>The address as a number, or null when it is not four canonical octets.</summary>
    private static uint? Octets(string text)
    {
        var octets = text.Split('.');
        if (octets.Length != 4) return null;
        uint address = 0;
        foreach (var octet in octets)
        {
            var canonical = octet.Length is >= 1 and <= 3 && octet.All(char.IsAsciiDigit) && (octet.Length == 1 || octet[0] != '0');
            if (!canonical) return null;
            var number = uint.Parse(octet, CultureInfo.InvariantCulture);
            if (number > 255) return null;
            address = address * 256 + number;
        }

        return address;
    }
}
