using NatFunctions.Core.Vyos;

namespace NatFunctions.VyosSimulator.Schema;

/// <summary>
/// The interface definitions per version, for the nodes the product writes (docs/vyos-reference.md C1, and the DHCP
/// static-mapping nodes of vyos-1x equuleus / vyos-documentation sagitta+current). Other known top-level nodes are
/// accepted without checks.
/// </summary>
internal static class VyosSchema
{
    private static readonly string[] OpenTopLevelNodes =
    [
        "container", "firewall", "high-availability", "interfaces", "load-balancing", "nat64", "nat66", "pki", "policy",
        "protocols", "qos", "system", "traffic-policy", "vpn", "vrf", "zone-policy",
    ];

    // Multi-value leaves under the unchecked areas, so repeated `set` adds values as VyOS does there.
    private static readonly HashSet<string> KnownMultiLeafNames = new(StringComparer.Ordinal)
    {
        "address", "allow-from", "domain-search", "name-server", "listen-address", "exclude", "global-parameters",
        "shared-network-parameters", "subnet-parameters", "static-mapping-parameters", "member", "server", "network",
    };

    public static bool IsMultiOutsideSchema(string leafName) => KnownMultiLeafNames.Contains(leafName);

    public static SchemaNode For(VyosVersion version)
    {
        var topLevel = OpenTopLevelNodes.Select(name => (name, SchemaNode.Unknown())).ToList();
        topLevel.Add(("nat", SchemaNode.OpenNode(("destination", SchemaNode.Node(("rule", NatRule(version)))))));
        topLevel.Add(("service", SchemaNode.OpenNode(("dhcp-server", DhcpServer(version)))));
        return SchemaNode.Node([.. topLevel]);
    }

    private static SchemaNode NatRule(VyosVersion version)
    {
        var modern = version.HasInboundInterfaceNode;
        var address = new ValueConstraint(
        [
            Validators.Ipv4Address, Validators.Ipv4Prefix(!modern), Validators.Ipv4Range,
            Validators.Excluded(Validators.Ipv4Address), Validators.Excluded(Validators.Ipv4Prefix(!modern)), Validators.Excluded(Validators.Ipv4Range),
        ]);
        var translationAddress = new ValueConstraint([Validators.Ipv4Address, Validators.Ipv4Prefix(!modern), Validators.Ipv4Range]);
        var port = modern ? new ValueConstraint(Validators.PortMulti) : null;

        SchemaNode SourceOrDestination()
        {
            var children = new List<(string, SchemaNode)> { ("address", SchemaNode.Leaf(address)), ("port", SchemaNode.Leaf(port)) };
            if (modern)
            {
                children.Add(("group", SchemaNode.Node(
                    ("address-group", SchemaNode.Leaf()), ("domain-group", SchemaNode.Leaf()), ("mac-group", SchemaNode.Leaf()),
                    ("network-group", SchemaNode.Leaf()), ("port-group", SchemaNode.Leaf()))));
            }

            if (version.CompareTo(VyosVersion.V1_5) >= 0) children.Add(("fqdn", SchemaNode.Leaf()));
            return SchemaNode.Node([.. children]);
        }

        var translation = new List<(string, SchemaNode)>
        {
            ("address", SchemaNode.Leaf(translationAddress)),
            ("port", SchemaNode.Leaf(modern ? new ValueConstraint(Validators.PortRange) : null)),
            ("options", SchemaNode.Node(
                ("address-mapping", SchemaNode.Leaf(new ValueConstraint(Validators.Regex("persistent|random")))),
                ("port-mapping", SchemaNode.Leaf(new ValueConstraint(Validators.Regex(modern ? "random|none" : "random|fully-random|none")))))),
        };
        if (modern) translation.Add(("redirect", SchemaNode.Node(("port", SchemaNode.Leaf(new ValueConstraint(Validators.PortRange))))));

        var rule = new List<(string, SchemaNode)>
        {
            ("description", SchemaNode.Leaf(modern ? new ValueConstraint(Validators.Regex(".{0,255}"), "Description too long (limit 255 characters)") : null)),
            ("destination", SourceOrDestination()),
            ("disable", SchemaNode.Valueless()),
            ("exclude", SchemaNode.Valueless()),
            ("log", SchemaNode.Valueless()),
            ("protocol", SchemaNode.Leaf(new ValueConstraint(Validators.IpProtocol(printsError: modern)))),
            ("source", SourceOrDestination()),
            ("translation", SchemaNode.Node([.. translation])),
        };

        if (modern)
        {
            rule.Add(("inbound-interface", SchemaNode.Node(
                ("name", SchemaNode.Leaf(new ValueConstraint(Validators.Regex(
                    @"(\!?)(bond|br|dum|en|ersp|eth|gnv|ifb|ipoe|lan|l2tp|l2tpeth|macsec|peth|ppp|pppoe|pptp|sstp|tun|veth|vti|vtun|vxlan|wg|wlan|wwan)([0-9]?)(\*?)(.+)?|(\!?)lo|[a-zA-Z0-9\-_]{1,15}")))),
                ("group", SchemaNode.Leaf()))));
            rule.Add(("load-balance", SchemaNode.Unknown()));
            rule.Add(("packet-type", SchemaNode.Leaf(new ValueConstraint(Validators.Regex("broadcast|host|multicast|other")))));
        }
        else
        {
            rule.Add(("inbound-interface", SchemaNode.Leaf()));
        }

        return SchemaNode.Tag(
            new ValueConstraint(Validators.NumericRange(NatDestinationRule.MinimumNumber, NatDestinationRule.MaximumNumber), "NAT rule number must be between 1 and 999999"),
            [.. rule]);
    }

    private static SchemaNode DhcpServer(VyosVersion version)
    {
        var mapping = new List<(string, SchemaNode)>
        {
            ("disable", SchemaNode.Valueless()),
            ("ip-address", SchemaNode.Leaf(new ValueConstraint(Validators.Ipv4Address))),
            (version.DhcpStaticMappingMacLeaf, SchemaNode.Leaf(new ValueConstraint(Validators.MacAddress))),
        };
        if (version.HasInboundInterfaceNode)
        {
            mapping.Add(("description", SchemaNode.Leaf()));
            mapping.Add(("duid", SchemaNode.Leaf()));
            mapping.Add(("option", SchemaNode.Unknown()));
        }
        else
        {
            mapping.Add(("static-mapping-parameters", SchemaNode.Leaf(multi: true)));
        }

        var name = Validators.Regex("[-_a-zA-Z0-9.]+");
        var staticMapping = SchemaNode.Tag(new ValueConstraint(name, "Invalid static mapping name, may only be alphanumeric, dot and hyphen"), [.. mapping]);
        var subnet = SchemaNode.OpenTag(
            new ValueConstraint(Validators.Ipv4Prefix(allowHostBits: false), "Invalid IPv4 subnet definition"),
            ("static-mapping", staticMapping));
        var sharedNetwork = SchemaNode.OpenTag(
            new ValueConstraint(name, "Invalid shared network name. May only contain letters, numbers and .-_"),
            ("subnet", subnet));
        return SchemaNode.OpenNode(("shared-network-name", sharedNetwork));
    }
}
