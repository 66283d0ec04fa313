using System.Globalization;

namespace NatFunctions.Core.Planning;

/// <summary>
/// The ports a VyOS port value covers: <c>80</c>, <c>80,443</c>, <c>10000-12000</c>, service names such as
/// <c>http</c> (any name of VyOS's /etc/services: <see cref="ServiceNames"/>), mixed lists. <see cref="Ports"/> lists
/// the ports a value names (for allocation to avoid); <see cref="Coverage"/> says which ports a rule with that value
/// takes, where a negated entry (<c>!22</c>) takes every other port.
/// </summary>
public static class PortSpecification
{
    public const int LowestPort = 1;
    public const int HighestPort = 65535;

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

        return ServiceNames.TryGetPort(text, out port);
    }

    /// <summary>
    /// The ports a rule with this destination port value takes: none given means every port; a negated entry (nftables
    /// <c>!=</c>) means every port but the negated ones; a part we cannot read means every port (we would rather refuse
    /// a forward than place it where a foreign rule already takes it).
    /// </summary>
    public static PortCoverage Coverage(string? specification)
    {
        if (string.IsNullOrWhiteSpace(specification)) return PortCoverage.Every;
        var listed = new HashSet<int>();
        var negated = new HashSet<int>();
        var anyNegated = false;
        foreach (var part in specification.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var isNegated = part.StartsWith('!');
            anyNegated |= isNegated;
            var ports = PartPorts(isNegated ? part[1..] : part);
            if (ports is null) return PortCoverage.Every;
            (isNegated ? negated : listed).UnionWith(ports);
        }

        return anyNegated ? new PortCoverage(true, negated) : new PortCoverage(false, listed);
    }

    private static IEnumerable<int>? PartPorts(string part)
    {
        var dash = part.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && TryPort(part[..dash], out var first) && TryPort(part[(dash + 1)..], out var last))
        {
            return Enumerable.Range(Math.Max(first, LowestPort), Math.Max(0, Math.Min(last, HighestPort) - Math.Max(first, LowestPort) + 1));
        }

        return TryPort(part, out var single) ? [single] : null;
    }
}
