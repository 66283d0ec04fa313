using System.Text;
using System.Text.RegularExpressions;

namespace NatFunctions.Core.Vyos;

/// <summary>
/// What each field the product writes may hold, so the renderer refuses a value before VyOS would (set-time
/// validators of the nodes it writes: NAT destination rules, vyos-1x interface-definitions/nat.xml.in and its includes;
/// DHCP static mappings, equuleus:interface-definitions/dhcp-server.xml.in and
/// sagitta/circinus:interface-definitions/service_dhcp-server.xml.in). Every check returns null when the value
/// is fine, else the reason. The rules are never looser than VyOS's and sometimes stricter (no service names, port
/// lists, negation or wildcards; canonical numbers only), so that what the product writes reads back identically.
/// </summary>
internal static partial class VyosFieldValues
{
    /// <summary>
    /// 1.4+ <c>description</c> regex <c>.{0,255}</c> (sagitta:interface-definitions/include/generic-description.xml.i);
    /// counted in UTF-8 bytes, which is never more lenient.
    /// </summary>
    public const int MaximumDescriptionBytes = 255;

    // The interface-name families of the 1.4+ inbound-interface regex (sagitta:interface-definitions/include/firewall/
    // match-interface.xml.i, leaf name); a dotted name (VLAN) must start with one.
    private static readonly string[] InterfaceFamilies =
    [
        "bond", "br", "dum", "en", "ersp", "eth", "gnv", "ifb", "ipoe", "lan", "l2tp", "l2tpeth", "macsec", "peth", "ppp",
        "pppoe", "pptp", "sstp", "tun", "veth", "vti", "vtun", "vxlan", "wg", "wlan", "wwan",
    ];

    // The protocols a destination NAT rule of this product can mean; all appear in VyOS's ip-protocol list
    // (sagitta:interface-definitions/include/nat-rule.xml.i, leaf protocol, validator ip-protocol).
    private static readonly HashSet<string> Protocols = new(StringComparer.Ordinal) { "all", "tcp", "udp", "tcp_udp", "icmp", "gre", "esp", "ah", "sctp" };

    public static string? Ipv4Address(string value) =>
        IsIpv4Address(value) ? null : "it is not an IPv4 address (a.b.c.d, no leading zeros)";

    /// <summary>An address or a network prefix without host bits (1.4+ refuses host bits; 1.3 would take them).</summary>
    public static string? Ipv4AddressOrNetwork(string value) =>
        IsIpv4Address(value) || IsIpv4Network(value) ? null : "it is not an IPv4 address or network (a.b.c.d or a.b.c.0/n)";

    public static string? Ipv4Network(string value) =>
        IsIpv4Network(value) ? null : "it is not an IPv4 network (a.b.c.0/n without host bits)";

    /// <summary>One port or one range <c>a-b</c>, 1–65535, a ≤ b, digits only.</summary>
    public static string? PortOrRange(string value)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return ParsePort(value) is null ? "it is not a port (1-65535)" : null;

        var low = ParsePort(value.AsSpan(0, dash));
        var high = ParsePort(value.AsSpan(dash + 1));
        return low is not null && high is not null && low <= high ? null : "it is not a port range (a-b with 1 <= a <= b <= 65535)";
    }

    public static string? Protocol(string value) =>
        Protocols.Contains(value) ? null : $"it is not a protocol ({string.Join(", ", Protocols.Order(StringComparer.Ordinal))})";

    /// <summary>
    /// A Linux interface name (1–15 characters: letter first, then letters, digits, <c>.</c>, <c>_</c>, <c>-</c>);
    /// a dotted one must belong to a family VyOS knows, since 1.4+ only takes other names as VRF names (no dots).
    /// </summary>
    public static string? InterfaceName(string value)
    {
        if (!InterfacePattern().IsMatch(value)) return "it is not an interface name (e.g. eth0, pppoe0, eth1.20)";
        if (value.Contains('.', StringComparison.Ordinal) && !InterfaceFamilies.Any(family => value.StartsWith(family, StringComparison.Ordinal)))
        {
            return "a VLAN interface name must start with a VyOS interface type (eth, bond, br, …)";
        }

        return null;
    }

    public static string? MacAddress(string value) =>
        MacPattern().IsMatch(value) ? null : "it is not a MAC address (six hex pairs separated by ':')";

    public static string? Description(string value, VyosVersion version)
    {
        // 1.3 has no constraint on description; the quoting rules of VyosValue still apply.
        if (!version.HasInboundInterfaceNode) return null;
        return Encoding.UTF8.GetByteCount(value) <= MaximumDescriptionBytes
            ? null
            : $"a description is limited to {MaximumDescriptionBytes} characters";
    }

    /// <summary>
    /// Shared-network names (all versions) and static-mapping names up to 1.4: VyOS's regex <c>[-_a-zA-Z0-9.]+</c>
    /// (sagitta:interface-definitions/service_dhcp-server.xml.in, equuleus:interface-definitions/dhcp-server.xml.in).
    /// </summary>
    public static string? DhcpName(string value) =>
        DhcpNamePattern().IsMatch(value) ? null : "it may only contain letters, digits, '.', '-' and '_'";

    /// <summary>
    /// A static-mapping name: from 1.5 it is the Kea reservation's hostname, checked by the <c>fqdn</c> validator
    /// (circinus:interface-definitions/service_dhcp-server.xml.in, circinus:src/validators/fqdn
    /// <c>[A-Za-z0-9][-.A-Za-z0-9]*</c>): no '_', no leading '-' or '.'.
    /// </summary>
    public static string? DhcpMappingName(string value, VyosVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!version.RequiresDhcpSubnetId) return DhcpName(value);
        return HostnamePattern().IsMatch(value) ? null : "VyOS 1.5 takes a valid hostname: letters, digits, '.' and '-', starting with a letter or digit";
    }

    // Read through spans: the desired state checks the addresses and ports of every rule of a router on every
    // reconcile, and splitting them into strings was most of what that allocated.
    private static bool IsIpv4Address(ReadOnlySpan<char> value) => TryParseIpv4Address(value, out _);

    /// <summary>Four canonical numbers up to 255 separated by dots (nothing else), as one 32-bit number.</summary>
    private static bool TryParseIpv4Address(ReadOnlySpan<char> value, out uint address)
    {
        address = 0;
        var rest = value;
        for (var part = 0; part < 4; part++)
        {
            var dot = rest.IndexOf('.');
            if ((dot < 0) != (part == 3)) return false;
            var number = ParseNumber(dot < 0 ? rest : rest[..dot], 255);
            if (number is null) return false;
            address = (address << 8) | (uint)number.Value;
            rest = dot < 0 ? [] : rest[(dot + 1)..];
        }

        return true;
    }

    private static bool IsIpv4Network(ReadOnlySpan<char> value)
    {
        var slash = value.IndexOf('/');
        if (slash < 0 || !TryParseIpv4Address(value[..slash], out var address)) return false;
        var length = ParseNumber(value[(slash + 1)..], 32);
        if (length is null) return false;

        var mask = length == 0 ? 0u : uint.MaxValue << (32 - length.Value);
        return (address & ~mask) == 0;
    }

    private static int? ParsePort(ReadOnlySpan<char> text) => ParseNumber(text, 65535) is { } port and >= 1 ? port : null;

    /// <summary>A canonical decimal number (digits only, no leading zero) up to <paramref name="maximum"/>.</summary>
    private static int? ParseNumber(ReadOnlySpan<char> text, int maximum)
    {
        if (text.Length is 0 or > 5 || text.ContainsAnyExceptInRange('0', '9') || (text.Length > 1 && text[0] == '0')) return null;
        var number = 0;
        foreach (var digit in text) number = (number * 10) + (digit - '0');
        return number <= maximum ? number : null;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._-]{0,14}\z")]
    private static partial Regex InterfacePattern();

    [GeneratedRegex(@"^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}\z")]
    private static partial Regex MacPattern();

    [GeneratedRegex(@"^[-_a-zA-Z0-9.]+\z")]
    private static partial Regex DhcpNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][-.A-Za-z0-9]*\z")]
    private static partial Regex HostnamePattern();
}
