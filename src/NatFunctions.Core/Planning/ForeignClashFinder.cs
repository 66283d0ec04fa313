using System.Globalization;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// Pending objects that would collide with something on the router that we do not own: a rule whose external port a
/// foreign DNAT rule already forwards (same protocol and interface; the first rule wins, so ours would silently do
/// nothing), or a rule or mapping whose internal IP a foreign static mapping already holds. Allocation avoids these
/// values when it knows the router; this catches the rows allocated while it did not (decision 0014). Applied rows
/// are left alone: a foreign object that appeared later is reported, not answered by taking the forward away.
/// </summary>
internal sealed class ForeignClashFinder(RouterSettings settings, RouterOwnership ownership)
{
    public IReadOnlyList<RefusedObject> Find(ConfigTree actual, DesiredState desired)
    {
        var clashes = new List<RefusedObject>();
        if (desired.PendingRuleNumbers.Count == 0 && desired.PendingMappingNames.Count == 0) return clashes;

        // Port -> the foreign rule forwarding it, per protocol: built once, so a foreign range costs its length once.
        var tcpPorts = new Dictionary<int, int>();
        var udpPorts = new Dictionary<int, int>();
        var oursOnRouter = new HashSet<int>();
        foreach (var foreign in ManagedObjectReader.ReadNatDestinationRules(actual, settings.VyosVersion))
        {
            if (ownership.OwnsRule(foreign.Number, foreign.Description))
            {
                oursOnRouter.Add(foreign.Number);
                continue;
            }

            if (foreign.Exclude || foreign.Disabled || !SharesInterface(foreign.InboundInterface)) continue;
            foreach (var port in PortSpecification.Ports(foreign.DestinationPort))
            {
                if (foreign.Protocol != "udp") tcpPorts.TryAdd(port, foreign.Number);
                if (foreign.Protocol != "tcp") udpPorts.TryAdd(port, foreign.Number);
            }
        }

        var mappingsOnRouter = ManagedObjectReader.ReadDhcpStaticMappings(actual, settings.VyosVersion);
        var ourMappingsOnRouter = mappingsOnRouter
            .Where(mapping => ownership.OwnsMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name))
            .Select(mapping => mapping.Name)
            .ToHashSet(StringComparer.Ordinal);
        var foreignIps = mappingsOnRouter
            .Where(mapping => mapping.IpAddress is not null && !ownership.OwnsMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name))
            .GroupBy(mapping => mapping.IpAddress!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Name, StringComparer.Ordinal);

        foreach (var number in desired.PendingRuleNumbers.Order())
        {
            // A disabled rule forwards nothing, so pausing ours cannot collide. A rule of ours already on the router is
            // being updated: its external port and address cannot change on update, so any clash predates this write
            // and refusing would only take the forward away (or block pausing it).
            if (!desired.NatRules.TryGetValue(number, out var rule) || rule.Disabled || oursOnRouter.Contains(number)) continue;
            if (PortOwner(rule, tcpPorts, udpPorts) is { } owner && owner != number)
            {
                clashes.Add(new RefusedObject(number, null, $"external port {rule.DestinationPort} is already forwarded on the router by rule {Text(owner)}, which NatFunctions does not own"));
            }
            else if (rule.TranslationAddress is { } ip && foreignIps.TryGetValue(ip, out var holder))
            {
                clashes.Add(new RefusedObject(number, null, $"internal IP {ip} is already given on the router to the DHCP static mapping '{holder}', which NatFunctions does not own"));
            }
        }

        foreach (var name in desired.PendingMappingNames.Order(StringComparer.Ordinal))
        {
            if (!ourMappingsOnRouter.Contains(name)
                && desired.DhcpMappings.TryGetValue(name, out var mapping) && mapping.IpAddress is { } ip && foreignIps.TryGetValue(ip, out var holder))
            {
                clashes.Add(new RefusedObject(null, name, $"internal IP {ip} is already given on the router to the DHCP static mapping '{holder}', which NatFunctions does not own"));
            }
        }

        return clashes;
    }

    /// <summary>The foreign rule that already forwards our rule's external port for one of its protocols, if any.</summary>
    private static int? PortOwner(NatDestinationRule ours, Dictionary<int, int> tcpPorts, Dictionary<int, int> udpPorts)
    {
        if (!int.TryParse(ours.DestinationPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port)) return null;
        // A rule with ports always names tcp, udp or tcp_udp (VyOS refuses anything else); a foreign rule without a
        // protocol, or with another, is counted for both above, which can only make us more careful.
        if (ours.Protocol != "udp" && tcpPorts.TryGetValue(port, out var tcpOwner)) return tcpOwner;
        if (ours.Protocol != "tcp" && udpPorts.TryGetValue(port, out var udpOwner)) return udpOwner;
        return null;
    }

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
