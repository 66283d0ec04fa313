using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// The ports of the router's <c>firewall group port-group NAME</c> (<c>port</c> values and <c>include</c>d groups,
/// sagitta/circinus:interface-definitions/firewall.xml.in), which a 1.4/1.5 NAT rule can take with
/// <c>destination group port-group NAME</c> (include/firewall/source-destination-group.xml.i; 1.3's NAT rules have no
/// group node, equuleus:interface-definitions/include/nat-rule.xml.i).
/// </summary>
internal sealed class ForeignPortGroups(ConfigTree actual)
{
    private static readonly string[] GroupsPath = ["firewall", "group", "port-group"];

    /// <summary>The ports a rule naming <paramref name="reference"/> (possibly negated: <c>!NAME</c>) takes.</summary>
    public PortCoverage Coverage(string reference)
    {
        var negated = reference.StartsWith('!');
        var ports = Ports(negated ? reference[1..] : reference, []);
        if (ports is null) return PortCoverage.Every;
        return new PortCoverage(negated, ports);
    }

    /// <summary>Null when the group, or a group it includes, is missing or holds a value we cannot read.</summary>
    private HashSet<int>? Ports(string name, HashSet<string> visiting)
    {
        var group = actual.Find([.. GroupsPath, name]);
        if (group is null || !visiting.Add(name)) return null;
        var ports = new HashSet<int>();
        foreach (var value in group.FindChild("port")?.Values ?? [])
        {
            var coverage = PortSpecification.Coverage(value);
            if (coverage.EveryPortBut) return null;
            ports.UnionWith(coverage.Ports);
        }

        foreach (var included in group.FindChild("include")?.Values ?? [])
        {
            var more = Ports(included, visiting);
            if (more is null) return null;
            ports.UnionWith(more);
        }

        return ports;
    }
}
