using System.Globalization;

namespace NatFunctions.Core.Vyos;

/// <summary>Reads the NAT destination rules and DHCP static mappings out of a router's <see cref="ConfigTree"/>.</summary>
public static class ManagedObjectReader
{
    public static IReadOnlyList<NatDestinationRule> ReadNatDestinationRules(ConfigTree tree, VyosVersion version)
    {
        var rules = tree.Find(VyosPaths.NatDestinationRules);
        if (rules is null) return [];

        var result = new List<NatDestinationRule>(rules.Children.Count);
        foreach (var rule in rules.Children)
        {
            // A tag value that is not a number cannot come from VyOS; skip rather than guess.
            if (TryReadRuleNumber(rule, out var number)) result.Add(ReadNatDestinationRule(rule, number, version));
        }

        return result;
    }

    /// <summary>The number of a rule node (its tag value), when it is one.</summary>
    internal static bool TryReadRuleNumber(ConfigNode rule, out int number) =>
        int.TryParse(rule.Name, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    internal static NatDestinationRule ReadNatDestinationRule(ConfigNode rule, int number, VyosVersion version) =>
        new(number)
        {
            Description = Value(rule, "description"),
            InboundInterface = Value(rule, VyosPaths.InboundInterfaceNameWords(version)),
            Protocol = Value(rule, "protocol"),
            DestinationAddress = Value(rule, "destination", "address"),
            DestinationPort = Value(rule, "destination", "port"),
            SourceAddress = Value(rule, "source", "address"),
            SourcePort = Value(rule, "source", "port"),
            TranslationAddress = Value(rule, "translation", "address"),
            TranslationPort = Value(rule, "translation", "port"),
            Disabled = rule.FindChild("disable") is not null,
            Log = rule.FindChild("log") is not null,
            Exclude = rule.FindChild("exclude") is not null,
        };

    public static IReadOnlyList<DhcpStaticMapping> ReadDhcpStaticMappings(ConfigTree tree, VyosVersion version)
    {
        var sharedNetworks = tree.Find(VyosPaths.DhcpSharedNetworks);
        if (sharedNetworks is null) return [];

        var result = new List<DhcpStaticMapping>();
        foreach (var sharedNetwork in sharedNetworks.Children)
        {
            foreach (var subnet in sharedNetwork.FindChild("subnet")?.Children ?? [])
            {
                foreach (var mapping in subnet.FindChild("static-mapping")?.Children ?? [])
                {
                    result.Add(new DhcpStaticMapping(sharedNetwork.Name, subnet.Name, mapping.Name)
                    {
                        IpAddress = Value(mapping, "ip-address"),
                        MacAddress = Value(mapping, version.DhcpStaticMappingMacLeaf),
                        Disabled = mapping.FindChild("disable") is not null,
                    });
                }
            }
        }

        return result;
    }

    // A params span: reading 15,000 rules must not allocate a path array per field.
    internal static string? Value(ConfigNode node, params ReadOnlySpan<string> path)
    {
        ConfigNode? current = node;
        foreach (var word in path)
        {
            current = current.FindChild(word);
            if (current is null) return null;
        }

        return current.FirstValue;
    }
}
