using System.Globalization;
using System.Text.RegularExpressions;

namespace NatFunctions.VyosSimulator.Schema;

/// <summary>
/// The VyOS validators (<c>src/validators/*</c> of vyos-1x) the modelled nodes use, with their failure texts.
/// equuleus's shell validators (ipv4-address, ipv4-prefix, ipv4-range, ip-protocol) exit 1 without printing;
/// sagitta and circinus print <c>Error: VALUE is not a valid …</c>.
/// </summary>
internal static class Validators
{
    private static readonly Lazy<HashSet<string>> ServiceNames = new(LoadServiceNames);

    private static readonly Regex VrfExcludedPattern = new(@"^(bond|br|dum|eth|lan|eno|ens|enp|enx|gnv|ipoe|l2tp|l2tpeth|ppp|pppoe|peth|tun|vti|vxlan|wg|wlan|wwan|\d)\d*(\.\d+)?(v.+)?", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex PortRangePattern = new(@"^[0-9]{1,5}-[0-9]{1,5}\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex MacPattern = new(@"^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex ProtocolPattern = new(@"^!?\b(all|ip|hopopt|icmp|igmp|ggp|ipencap|st|tcp|egp|igp|pup|udp|tcp_udp|hmp|xns-idp|rdp|iso-tp4|dccp|xtp|ddp|idpr-cmtp|ipv6|ipv6-route|ipv6-frag|idrp|rsvp|gre|esp|ah|skip|ipv6-icmp|icmpv6|ipv6-nonxt|ipv6-opts|rspf|vmtp|eigrp|ospf|ax\.25|ipip|etherip|encap|pim|ipcomp|vrrp|l2tp|isis|sctp|fc|mobility-header|udplite|mpls-in-ip|manet|hip|shim6|wesp|rohc)\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>src/validators/ipv4-address: <c>ipaddrcheck --is-ipv4-single</c>.</summary>
    public static ValueValidator Ipv4Address(VyosRelease release) =>
        new(Ipaddrcheck.IsIpv4Single, value => release.IsEquuleus ? null : $"Error: {value} is not a valid IPv4 address");

    /// <summary>src/validators/ipv4-range: two addresses, the first strictly lower (<c>-ge</c> fails).</summary>
    public static ValueValidator Ipv4Range(VyosRelease release) =>
        new(Ipaddrcheck.IsIpv4Range, value => release.IsEquuleus ? null : $"Error: {value} is not a valid IPv4 address range");

    /// <summary>src/validators/mac-address: a regex (equuleus python, sagitta+ validate-value); prints nothing.</summary>
    public static ValueValidator MacAddress { get; } = new(value => MacPattern.IsMatch(value), _ => null);

    /// <summary>sagitta+ src/validators/fqdn: validate-value <c>[A-Za-z0-9][-.A-Za-z0-9]*</c> (whole value); prints nothing.</summary>
    public static ValueValidator Fqdn { get; } = Regex("[A-Za-z0-9][-.A-Za-z0-9]*");

    /// <summary>src/validators/ipv4-prefix: <c>ipaddrcheck --is-ipv4-net</c> (a network address: no host bits).</summary>
    public static ValueValidator Ipv4Prefix(VyosRelease release) =>
        new(Ipaddrcheck.IsIpv4Net, value => release.IsEquuleus ? null : $"Error: {value} is not a valid IPv4 prefix");

    /// <summary>
    /// The <c>-exclude</c> variants (vyos-1x <c>src/validators/ipv4-*-exclude</c>): without a leading <c>!</c> they exit 1
    /// silently; with one they run the plain validator on the rest, which prints its text for the rest.
    /// </summary>
    public static ValueValidator Excluded(ValueValidator inner) =>
        new(value => value.StartsWith('!') && inner.Accepts(value[1..]), value => value.StartsWith('!') ? inner.FailureText(value[1..]) : null);

    public static ValueValidator Regex(string pattern) =>
        new(value => System.Text.RegularExpressions.Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.None, TimeSpan.FromSeconds(1)), _ => null);

    public static ValueValidator NumericRange(long minimum, long maximum) => new(
        value => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum,
        value => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? "Number is not in any of allowed ranges"
            : $"'{value}' is not a valid integer number");

    /// <summary>1.4+ <c>port-multi</c>: comma list of ports, ranges and service names, each optionally negated.</summary>
    public static ValueValidator PortMulti { get; } = new(
        value => PortMultiFailure(value) is null,
        PortMultiFailure);

    /// <summary>1.4+ <c>port-range</c>: one port, one range or one service name.</summary>
    public static ValueValidator PortRange { get; } = new(
        value => PortRangeFailure(value) is null,
        PortRangeFailure);

    /// <summary>src/validators/ip-protocol; equuleus's prints nothing on failure.</summary>
    public static ValueValidator IpProtocol(VyosRelease release) => new(
        IsIpProtocol,
        value => release.IsEquuleus ? null : $"Error: {value} is not a valid IP protocol");

    /// <summary>
    /// src/validators/vrf-name: 1–15 characters, not <c>lo</c>, not starting like an interface name. Its pattern
    /// breaks a raw string across lines before <c>vtun</c>, so <c>vtun…</c> names are not excluded; nothing printed.
    /// </summary>
    public static ValueValidator VrfName { get; } = new(
        value => value.Length is >= 1 and <= 15 && value != "lo" && !VrfExcludedPattern.IsMatch(value),
        _ => null);

    public static ValueValidator Anything { get; } = new(_ => true, _ => null);

    private static string? PortMultiFailure(string value)
    {
        foreach (var element in value.Split(','))
        {
            var port = element.StartsWith('!') ? element[1..] : element;
            var failure = SinglePortFailure(port, "port", "port range");
            if (failure is not null) return failure;
        }

        return null;
    }

    private static string? PortRangeFailure(string value) => SinglePortFailure(value, "port or port range", "port or port range");

    /// <summary>
    /// vyos-1x <c>port-multi</c>/<c>port-range</c>: only digits-dash-digits (<c>^[0-9]{1,5}-[0-9]{1,5}$</c>) is a range;
    /// anything else that is not all digits must be a service name (so <c>foo-bar</c> is "not a valid service name").
    /// </summary>
    private static string? SinglePortFailure(string port, string portNoun, string rangeNoun)
    {
        if (PortRangePattern.IsMatch(port))
        {
            var bounds = port.Split('-');
            var low = int.Parse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture);
            var high = int.Parse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture);
            return low is >= 1 and <= 65535 && high is >= 1 and <= 65535 && low <= high ? null : $"Error: {port} is not a valid {rangeNoun}";
        }

        if (port.Length > 0 && port.All(char.IsAsciiDigit))
        {
            return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535
                ? null
                : $"Error: {port} is not a valid {portNoun}";
        }

        return ServiceNames.Value.Contains(port) ? null : $"Error: {port} is not a valid service name";
    }

    private static bool IsIpProtocol(string value)
    {
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 255;
        }

        return ProtocolPattern.IsMatch(value);
    }

    private static HashSet<string> LoadServiceNames()
    {
        // VyOS checks /etc/services; use this machine's copy, with the common names as a floor.
        var names = new HashSet<string>(StringComparer.Ordinal) { "ftp", "ssh", "telnet", "smtp", "domain", "http", "https", "pop3", "imap", "ntp", "snmp", "ldap", "rdp", "ms-wbt-server" };
        const string servicesFile = "/etc/services";
        if (!File.Exists(servicesFile)) return names;

        foreach (var line in File.ReadLines(servicesFile))
        {
            var content = line.Split('#')[0];
            var fields = content.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2) continue;
            names.Add(fields[0]);
            foreach (var alias in fields.Skip(2)) names.Add(alias);
        }

        return names;
    }
}
