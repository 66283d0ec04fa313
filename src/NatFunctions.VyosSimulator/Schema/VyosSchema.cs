namespace NatFunctions.VyosSimulator.Schema;

/// <summary>
/// The interface definitions per release for the paths the product touches: <c>nat source|destination rule</c>
/// (nat.xml.in + include/nat-rule.xml.i), <c>service dhcp-server</c> (equuleus dhcp-server.xml.in, sagitta/circinus
/// service_dhcp-server.xml.in). Every other top-level node is open: accepted and kept without checks.
/// </summary>
internal static class VyosSchema
{
    private static readonly string[] OpenTopLevelNodes =
    [
        "container", "firewall", "high-availability", "interfaces", "load-balancing", "nat64", "nat66", "pki", "policy",
        "protocols", "qos", "traffic-policy", "vpn", "vrf", "zone-policy",
    ];

    // Multi-value leaves under the open areas, so repeated `set` adds values as VyOS does there.
    private static readonly HashSet<string> KnownMultiLeafNames = new(StringComparer.Ordinal)
    {
        "address", "allow-from", "domain-search", "name-server", "listen-address", "exclude", "global-parameters",
        "shared-network-parameters", "subnet-parameters", "static-mapping-parameters", "member", "server", "network",
        "ntp-server", "pop-server", "smtp-server", "time-server", "wins-server", "listen-interface",
    };

    /// <summary>
    /// sagitta/circinus system_config-management.xml.in: commit-revisions numeric 1–65535 (with VyOS's own "between 0
    /// and 65535" text); 1.5 (current) <c>commit-confirm action reload|reboot</c>. equuleus defines the node in
    /// vyatta-config-mgmt's templates, which the simulator leaves open.
    /// </summary>
    private static SchemaNode ConfigManagement(VyosRelease release)
    {
        if (release.IsEquuleus) return SchemaNode.Unknown();
        var revisions = SchemaNode.Leaf(new ValueConstraint(Validators.NumericRange(1, 65535), "Number of revisions must be between 0 and 65535"));
        if (!release.IsCircinus) return SchemaNode.OpenNode(("commit-revisions", revisions));
        return SchemaNode.OpenNode(
            ("commit-revisions", revisions),
            ("commit-confirm", SchemaNode.OpenNode(("action", SchemaNode.Leaf(new ValueConstraint(Validators.Regex("reload|reboot")))))));
    }

    public static bool IsMultiOutsideSchema(string leafName) => KnownMultiLeafNames.Contains(leafName);

    public static SchemaNode For(VyosRelease release)
    {
        var topLevel = OpenTopLevelNodes.Select(name => (name, SchemaNode.Unknown())).ToList();
        topLevel.Add(("nat", SchemaNode.OpenNode(
            ("destination", SchemaNode.Node(("rule", NatRuleSchema.Destination(release)))),
            ("source", SchemaNode.Node(("rule", NatRuleSchema.Source(release)))))));
        topLevel.Add(("service", SchemaNode.OpenNode(("dhcp-server", DhcpServerSchema.For(release)))));
        topLevel.Add(("system", SchemaNode.OpenNode(("config-management", ConfigManagement(release)))));
        return SchemaNode.Node([.. topLevel]);
    }
}
