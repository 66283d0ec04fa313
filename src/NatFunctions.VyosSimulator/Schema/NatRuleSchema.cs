namespace NatFunctions.VyosSimulator.Schema;

/// <summary>
/// <c>nat destination rule N</c> and <c>nat source rule N</c> per release, from nat.xml.in and its includes
/// (nat-rule.xml.i, nat-address.xml.i, nat-port.xml.i, nat-translation-port.xml.i, nat-translation-options.xml.i,
/// firewall/source-destination-group.xml.i, firewall/inbound-interface.xml.i → firewall/match-interface.xml.i,
/// generic-description.xml.i, generic-disable-node.xml.i, nat-exclude.xml.i, firewall/log.xml.i).
/// </summary>
internal static class NatRuleSchema
{
    /// <summary>include/nat-rule.xml.i: the rule number.</summary>
    private static ValueConstraint RuleNumber => new(Validators.NumericRange(1, 999999), "NAT rule number must be between 1 and 999999");

    /// <summary>
    /// sagitta+ include/firewall/match-interface.xml.i <c>name</c>: the interface regex, or the vrf-name validator
    /// (1–15 characters, not <c>lo</c>, not an interface-like name).
    /// </summary>
    private static ValueConstraint InterfaceName => new(
    [
        Validators.Regex(@"(\!?)(bond|br|dum|en|ersp|eth|gnv|ifb|ipoe|lan|l2tp|l2tpeth|macsec|peth|ppp|pppoe|pptp|sstp|tun|veth|vti|vtun|vxlan|wg|wlan|wwan)([0-9]?)(\*?)(.+)?|(\!?)lo"),
        Validators.VrfName,
    ]);

    public static SchemaNode Destination(VyosRelease release)
    {
        var rule = CommonChildren(release);
        if (release.HasInterfaceNodes)
        {
            rule.Add(("inbound-interface", MatchInterface()));
        }
        else
        {
            // equuleus nat.xml.in: a plain leaf, no constraint.
            rule.Add(("inbound-interface", SchemaNode.Leaf()));
        }

        var translation = TranslationChildren(release, new ValueConstraint([Validators.Ipv4Prefix(release), Validators.Ipv4Address(release), Validators.Ipv4Range(release)]));
        if (release.HasInterfaceNodes) translation.Add(("redirect", SchemaNode.Node(("port", TranslationPort(release)))));
        rule.Add(("translation", SchemaNode.Node([.. translation])));
        return SchemaNode.Tag(RuleNumber, [.. rule]);
    }

    public static SchemaNode Source(VyosRelease release)
    {
        var rule = CommonChildren(release);

        // equuleus include/nat-interface.xml.i: a plain leaf; sagitta+ firewall/outbound-interface.xml.i: name/group.
        rule.Add(("outbound-interface", release.HasInterfaceNodes ? MatchInterface() : SchemaNode.Leaf()));
        var translationAddress = new ValueConstraint(
            [Validators.Ipv4Prefix(release), Validators.Ipv4Address(release), Validators.Ipv4Range(release), Validators.Regex("masquerade")]);
        rule.Add(("translation", SchemaNode.Node([.. TranslationChildren(release, translationAddress)])));
        return SchemaNode.Tag(RuleNumber, [.. rule]);
    }

    private static SchemaNode MatchInterface() =>
        SchemaNode.Node(("name", SchemaNode.Leaf(InterfaceName)), ("group", SchemaNode.Leaf()));

    /// <summary>include/nat-rule.xml.i: description, destination, disable, exclude, load-balance, log, packet-type, protocol, source.</summary>
    private static List<(string, SchemaNode)> CommonChildren(VyosRelease release)
    {
        var modern = release.HasInterfaceNodes;
        var children = new List<(string, SchemaNode)>
        {
            // equuleus: description without constraint; sagitta+ include/generic-description.xml.i.
            ("description", SchemaNode.Leaf(modern ? new ValueConstraint(Validators.Regex(".{0,255}"), "Description too long (limit 255 characters)") : null)),
            ("destination", SourceOrDestination(release)),
            ("disable", SchemaNode.Valueless()),
            ("exclude", SchemaNode.Valueless()),
            ("log", SchemaNode.Valueless()),
            ("protocol", SchemaNode.Leaf(new ValueConstraint(Validators.IpProtocol(release)))),
            ("source", SourceOrDestination(release)),
        };
        if (modern)
        {
            children.Add(("load-balance", SchemaNode.Unknown()));
            children.Add(("packet-type", SchemaNode.Leaf(new ValueConstraint(Validators.Regex("broadcast|host|multicast|other")))));
        }

        return children;
    }

    /// <summary>include/nat-address.xml.i, nat-port.xml.i (port-multi from sagitta; none in equuleus), source-destination-group.xml.i, circinus firewall/fqdn.xml.i.</summary>
    private static SchemaNode SourceOrDestination(VyosRelease release)
    {
        var address = new ValueConstraint(
        [
            Validators.Ipv4Address(release), Validators.Ipv4Prefix(release), Validators.Ipv4Range(release),
            Validators.Excluded(Validators.Ipv4Address(release)), Validators.Excluded(Validators.Ipv4Prefix(release)), Validators.Excluded(Validators.Ipv4Range(release)),
        ]);
        var children = new List<(string, SchemaNode)>
        {
            ("address", SchemaNode.Leaf(address)),
            ("port", SchemaNode.Leaf(release.HasInterfaceNodes ? new ValueConstraint(Validators.PortMulti) : null)),
        };
        if (release.HasInterfaceNodes)
        {
            children.Add(("group", SchemaNode.Node(
                ("address-group", SchemaNode.Leaf()), ("domain-group", SchemaNode.Leaf()), ("mac-group", SchemaNode.Leaf()),
                ("network-group", SchemaNode.Leaf()), ("port-group", SchemaNode.Leaf()))));
        }

        if (release.IsCircinus) children.Add(("fqdn", SchemaNode.Leaf()));
        return SchemaNode.Node([.. children]);
    }

    private static SchemaNode TranslationPort(VyosRelease release) =>
        SchemaNode.Leaf(release.HasInterfaceNodes ? new ValueConstraint(Validators.PortRange) : null);

    /// <summary>translation address, include/nat-translation-port.xml.i, include/nat-translation-options.xml.i.</summary>
    private static List<(string, SchemaNode)> TranslationChildren(VyosRelease release, ValueConstraint address) =>
    [
        ("address", SchemaNode.Leaf(address)),
        ("port", TranslationPort(release)),
        ("options", SchemaNode.Node(
            ("address-mapping", SchemaNode.Leaf(new ValueConstraint(Validators.Regex("persistent|random")))),
            ("port-mapping", SchemaNode.Leaf(new ValueConstraint(Validators.Regex(release.HasInterfaceNodes ? "random|none" : "random|fully-random|none")))))),
    ];
}
