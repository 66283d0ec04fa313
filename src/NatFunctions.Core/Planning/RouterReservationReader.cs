using System.Net;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// What allocation must avoid on a router: numbers and destination ports of every rule we do not own (wherever its
/// number is: a DNAT rule outside our range still wins the port), the IPs of DHCP mappings we do not own, and the
/// MACs of those in the configured subnet.
/// </summary>
public static class RouterReservationReader
{
    public static RouterReservations Read(ConfigTree tree, RouterSettings settings, DateTime observedAt)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(settings);
        var ownership = new RouterOwnership(settings);
        var ruleNumbers = new HashSet<int>();
        var ports = new HashSet<int>();
        foreach (var rule in ManagedObjectReader.ReadNatDestinationRules(tree, settings.VyosVersion))
        {
            if (ownership.OwnsRule(rule.Number, rule.Description)) continue;
            ruleNumbers.Add(rule.Number);
            if (!rule.Exclude) ports.UnionWith(PortSpecification.Ports(rule.DestinationPort));
        }

        var staticIps = new HashSet<string>(StringComparer.Ordinal);
        var macs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in ManagedObjectReader.ReadDhcpStaticMappings(tree, settings.VyosVersion))
        {
            if (ownership.OwnsMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name)) continue;
            if (mapping.MacAddress is not null && !mapping.Disabled
                && mapping.SharedNetwork == settings.DhcpSharedNetwork && mapping.Subnet == settings.DhcpSubnet)
            {
                macs.TryAdd(mapping.MacAddress, mapping.Name);
            }

            if (mapping.IpAddress is not null && IPAddress.TryParse(mapping.IpAddress, out var address))
            {
                staticIps.Add(address.ToString());
            }
        }

        return new RouterReservations(ruleNumbers, ports, staticIps, observedAt) { UnownedMacAddresses = macs };
    }
}
