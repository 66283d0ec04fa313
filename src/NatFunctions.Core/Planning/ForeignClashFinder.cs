using System.Globalization;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// Pending objects that would collide with something on the router that we do not own (decision 0014, widened by 0019):
/// <list type="bullet">
/// <item>a rule whose external port a foreign DNAT rule takes on the same protocol and interface: listed ports, a
/// range, any service name of VyOS's /etc/services, a negated entry (<c>'!22'</c> takes every other port), no port at
/// all (every port of its address and protocol, unless it only matches some sources), a <c>destination group
/// port-group</c> (the group's ports), and an <c>exclude</c> rule numbered before ours (it stops DNAT for that
/// traffic, so ours would never apply);</item>
/// <item>a rule or mapping whose internal IP a foreign static mapping holds;</item>
/// <item>a mapping whose MAC a foreign, enabled mapping of the same subnet holds: VyOS refuses the commit
/// ("Configured MAC address for static mapping … already exists on another static mapping",
/// sagitta/circinus:src/conf_mode/service_dhcp-server.py verify());</item>
/// <item>a mapping whose IP is outside the configured subnet: VyOS refuses the commit ("Configured static lease
/// address for mapping … is not within shared-network …", same verify(); equuleus:src/conf_mode/dhcp_server.py).</item>
/// </list>
/// Allocation avoids these values when it knows the router; this catches the rows allocated while it did not. Applied
/// rows are left alone: a foreign object that appeared later is reported, not answered by taking the forward away.
/// </summary>
internal sealed class ForeignClashFinder(RouterSettings settings, RouterOwnership ownership)
{
    public IReadOnlyList<RefusedObject> Find(ConfigTree actual, DesiredState desired)
    {
        var clashes = new List<RefusedObject>();
        if (desired.PendingRuleNumbers.Count == 0 && desired.PendingMappingNames.Count == 0) return clashes;

        var groups = new ForeignPortGroups(actual);
        var foreignRules = new List<(NatDestinationRule Rule, PortCoverage Ports, bool Tcp, bool Udp)>();
        var oursOnRouter = new HashSet<int>();
        foreach (var foreign in ManagedObjectReader.ReadNatDestinationRules(actual, settings.VyosVersion))
        {
            if (ownership.OwnsRule(foreign.Number, foreign.Description))
            {
                oursOnRouter.Add(foreign.Number);
                continue;
            }

            if (foreign.Disabled || !SharesInterface(foreign.InboundInterface)) continue;
            var (tcp, udp) = Protocols(foreign.Protocol);
            if (!tcp && !udp) continue;
            var rule = actual.Find([.. VyosPaths.NatDestinationRules, foreign.Number.ToString(CultureInfo.InvariantCulture)]);
            var portGroup = rule is null ? null : ManagedObjectReader.Value(rule, "destination", "group", "port-group");
            // A rule without any port that only matches some sources (a partner network, an exclude for one address)
            // overlaps every forward only for those sources: counting it would refuse every forward for a partial
            // overlap. A rule that names our port is counted whatever its sources (decision 0014).
            if (portGroup is null && foreign.DestinationPort is null && RestrictsSource(foreign, rule)) continue;
            var ports = portGroup is not null ? groups.Coverage(portGroup) : PortSpecification.Coverage(foreign.DestinationPort);
            foreignRules.Add((foreign, ports, tcp, udp));
        }

        var mappingsOnRouter = ManagedObjectReader.ReadDhcpStaticMappings(actual, settings.VyosVersion);
        var ourMappingsOnRouter = mappingsOnRouter
            .Where(mapping => ownership.OwnsMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name))
            .Select(mapping => mapping.Name)
            .ToHashSet(StringComparer.Ordinal);
        var foreignMappings = mappingsOnRouter.Where(mapping => !ownership.OwnsMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name)).ToList();
        var foreignIps = foreignMappings
            .Where(mapping => mapping.IpAddress is not null)
            .GroupBy(mapping => mapping.IpAddress!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Name, StringComparer.Ordinal);
        var foreignMacs = foreignMappings
            .Where(mapping => mapping.MacAddress is not null && !mapping.Disabled
                && mapping.SharedNetwork == settings.DhcpSharedNetwork && mapping.Subnet == settings.DhcpSubnet)
            .GroupBy(mapping => mapping.MacAddress!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First().Name, StringComparer.OrdinalIgnoreCase);

        foreach (var number in desired.PendingRuleNumbers.Order())
        {
            // A disabled rule forwards nothing, so pausing ours cannot collide. A rule of ours already on the router is
            // being updated: its external port and address cannot change on update, so any clash predates this write
            // and refusing would only take the forward away (or block pausing it).
            if (!desired.NatRules.TryGetValue(number, out var rule) || rule.Disabled || oursOnRouter.Contains(number)) continue;
            if (PortOwner(rule, foreignRules) is { } owner && owner.Number != number)
            {
                var how = owner.Exclude ? "excluded from destination NAT (an earlier exclude rule)" : "already forwarded";
                clashes.Add(new RefusedObject(number, null, $"external port {rule.DestinationPort} is {how} on the router by rule {Text(owner.Number)}, which NatFunctions does not own"));
            }
            else if (rule.TranslationAddress is { } ip && foreignIps.TryGetValue(ip, out var holder))
            {
                clashes.Add(new RefusedObject(number, null, $"internal IP {ip} is already given on the router to the DHCP static mapping '{holder}', which NatFunctions does not own"));
            }
        }

        foreach (var name in desired.PendingMappingNames.Order(StringComparer.Ordinal))
        {
            if (ourMappingsOnRouter.Contains(name) || !desired.DhcpMappings.TryGetValue(name, out var mapping)) continue;
            if (mapping.IpAddress is { } ip && foreignIps.TryGetValue(ip, out var holder))
            {
                clashes.Add(new RefusedObject(null, name, $"internal IP {ip} is already given on the router to the DHCP static mapping '{holder}', which NatFunctions does not own"));
            }
            else if (mapping.MacAddress is { } mac && foreignMacs.TryGetValue(mac, out var macHolder))
            {
                clashes.Add(new RefusedObject(null, name, $"MAC address {mac} is already given on the router to the DHCP static mapping '{macHolder}', which NatFunctions does not own; VyOS refuses two mappings with one MAC in a subnet"));
            }
            else if (mapping.IpAddress is { } address && !Ipv4Subnet.Contains(mapping.Subnet, address))
            {
                clashes.Add(new RefusedObject(null, name, $"internal IP {address} is not within the DHCP subnet {mapping.Subnet} of shared network {mapping.SharedNetwork}: VyOS refuses a static mapping outside its subnet"));
            }
        }

        return clashes;
    }

    /// <summary>
    /// The foreign rule that takes our rule's external port first for one of its protocols: any forwarding rule
    /// (whichever is numbered first, the other one's traffic is taken), or an exclude rule numbered before ours.
    /// </summary>
    private static NatDestinationRule? PortOwner(NatDestinationRule ours, List<(NatDestinationRule Rule, PortCoverage Ports, bool Tcp, bool Udp)> foreignRules)
    {
        if (!int.TryParse(ours.DestinationPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port)) return null;
        var (tcp, udp) = Protocols(ours.Protocol);
        foreach (var (foreign, ports, foreignTcp, foreignUdp) in foreignRules)
        {
            if (!((tcp && foreignTcp) || (udp && foreignUdp)) || !ports.Covers(port)) continue;
            if (foreign.Exclude && foreign.Number > ours.Number) continue;
            return foreign;
        }

        return null;
    }

    private static bool RestrictsSource(NatDestinationRule foreign, ConfigNode? rule) =>
        foreign.SourceAddress is not null || foreign.SourcePort is not null || rule?.FindChild("source")?.FindChild("group") is not null;

    /// <summary>
    /// Which of tcp and udp a rule's protocol matches: none given, <c>all</c>, <c>tcp_udp</c> or a negation (<c>!icmp</c>)
    /// both; <c>tcp</c>/<c>6</c> and <c>udp</c>/<c>17</c> one; any other protocol (icmp, gre…) neither.
    /// </summary>
    private static (bool Tcp, bool Udp) Protocols(string? protocol) => protocol switch
    {
        null or "all" or "tcp_udp" => (true, true),
        "tcp" or "6" => (true, false),
        "udp" or "17" => (false, true),
        _ when protocol.StartsWith('!') => (true, true),
        _ => (false, false),
    };

    /// <summary>Only a foreign rule on another plainly named interface is surely apart; a group, negation or wildcard may match ours.</summary>
    private bool SharesInterface(string? foreign) =>
        foreign is null
        || foreign == settings.InboundInterface
        || foreign == "any"
        || foreign.StartsWith('!')
        || foreign.Contains('*', StringComparison.Ordinal)
        || foreign.Contains('+', StringComparison.Ordinal);

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
