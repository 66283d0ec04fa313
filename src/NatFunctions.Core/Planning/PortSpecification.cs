using System.Globalization;

namespace NatFunctions.Core.Planning;

/// <summary>
/// The ports a VyOS port value covers: <c>80</c>, <c>80,443</c>, <c>10000-12000</c>, service names such as
/// <c>http</c>, mixed lists. A negated entry (<c>!22</c>) matches almost everything, which says nothing useful about
/// one port being taken, so it is skipped; so are names we do not know.
/// </summary>
public static class PortSpecification
{
    public const int LowestPort = 1;
    public const int HighestPort = 65535;

    // The services VyOS rules commonly name (from /etc/services); the rest would be guesses.
    private static readonly Dictionary<string, int> ServicePorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ftp-data"] = 20, ["ftp"] = 21, ["ssh"] = 22, ["telnet"] = 23, ["smtp"] = 25, ["domain"] = 53,
        ["http"] = 80, ["pop3"] = 110, ["ntp"] = 123, ["imap"] = 143, ["snmp"] = 161, ["ldap"] = 389,
        ["https"] = 443, ["submission"] = 587, ["imaps"] = 993, ["pop3s"] = 995, ["openvpn"] = 1194,
        ["mysql"] = 3306, ["rdp"] = 3389, ["ms-wbt-server"] = 3389, ["postgresql"] = 5432,
    };

    public static IEnumerable<int> Ports(string? specification)
    {
        if (string.IsNullOrWhiteSpace(specification)) yield break;

        foreach (var part in specification.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith('!')) continue;

            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && TryPort(part[..dash], out var first) && TryPort(part[(dash + 1)..], out var last))
            {
                for (var port = Math.Max(first, LowestPort); port <= Math.Min(last, HighestPort); port++) yield return port;
                continue;
            }

            if (TryPort(part, out var single)) yield return single;
        }
    }

    private static bool TryPort(string text, out int port)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            return port is >= LowestPort and <= HighestPort;
        }

        return ServicePorts.TryGetValue(text, out port);
    }
}
