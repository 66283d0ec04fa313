namespace NatFunctions.VyosSimulator.Schema;

/// <summary>
/// <c>service dhcp-server</c> per release: equuleus dhcp-server.xml.in, sagitta and circinus
/// service_dhcp-server.xml.in with include/constraint/alpha-numeric-hyphen-underscore-dot.xml.i,
/// generic-description.xml.i, generic-disable-node.xml.i, interface/mac.xml.i and dhcp/option-v4.xml.i.
/// Shared networks and subnets take children the simulator does not model (name servers, leases, …) unchecked.
/// </summary>
internal static class DhcpServerSchema
{
    private const string StaticMappingNameMessage = "Invalid static mapping name, may only be alphanumeric, dot and hyphen";
    private const string RangeNameMessage = "Invalid range name, may only be alphanumeric, dot and hyphen";
    private const string SharedNetworkNameMessage = "Invalid shared network name. May only contain letters, numbers and .-_";

    public static SchemaNode For(VyosRelease release)
    {
        // equuleus: regex [-_a-zA-Z0-9.]+ (shared network), ^[-_a-zA-Z0-9.]+$ (range, static mapping);
        // sagitta+: include/constraint/alpha-numeric-hyphen-underscore-dot.xml.i for shared network and range.
        var equuleusName = Validators.Regex("[-_a-zA-Z0-9.]+");
        var includeName = Validators.Regex(@"[-_a-zA-Z0-9][\w\-\.\+]*");
        var listName = release.IsEquuleus ? equuleusName : includeName;

        var subnetChildren = new List<(string, SchemaNode)>
        {
            ("description", Description(release)),
            ("exclude", SchemaNode.Leaf(new ValueConstraint(Validators.Ipv4Address(release)), multi: true)),
            ("range", SchemaNode.Tag(
                new ValueConstraint(listName, RangeNameMessage),
                ("start", SchemaNode.Leaf(new ValueConstraint(Validators.Ipv4Address(release)))),
                ("stop", SchemaNode.Leaf(new ValueConstraint(Validators.Ipv4Address(release)))))),
            ("static-mapping", StaticMapping(release, equuleusName)),
        };

        if (release.IsCircinus)
        {
            // circinus: default-router moved under include/dhcp/option-v4.xml.i; Kea needs subnet-id.
            subnetChildren.Add(("option", Option(release)));
            subnetChildren.Add(("disable", SchemaNode.Valueless()));
            subnetChildren.Add(("subnet-id", SchemaNode.Leaf(new ValueConstraint(Validators.NumericRange(1, 4294967295)))));
        }
        else
        {
            subnetChildren.Add(("default-router", SchemaNode.Leaf(new ValueConstraint(Validators.Ipv4Address(release)))));
        }

        var subnet = SchemaNode.OpenTag(new ValueConstraint(Validators.Ipv4Prefix(release), "Invalid IPv4 subnet definition"), [.. subnetChildren]);
        var sharedNetwork = SchemaNode.OpenTag(
            new ValueConstraint(listName, SharedNetworkNameMessage),
            ("description", Description(release)),
            ("disable", SchemaNode.Valueless()),
            ("authoritative", SchemaNode.Valueless()),
            ("subnet", subnet));
        return SchemaNode.OpenNode(("shared-network-name", sharedNetwork), ("disable", SchemaNode.Valueless()));
    }

    private static SchemaNode StaticMapping(VyosRelease release, ValueValidator equuleusName)
    {
        var children = new List<(string, SchemaNode)>
        {
            ("disable", SchemaNode.Valueless()),
            ("ip-address", SchemaNode.Leaf(new ValueConstraint(Validators.Ipv4Address(release)))),
            (release.StaticMappingMacLeaf, SchemaNode.Leaf(new ValueConstraint(Validators.MacAddress))),
        };

        if (release.IsCircinus)
        {
            children.Add(("description", Description(release)));
            children.Add(("duid", SchemaNode.Leaf()));
            children.Add(("option", Option(release)));

            // circinus: the mapping name is a hostname (fqdn validator).
            return SchemaNode.Tag(new ValueConstraint(Validators.Fqdn, "Invalid static mapping hostname"), [.. children]);
        }

        children.Add(("static-mapping-parameters", SchemaNode.Leaf(multi: true)));
        return SchemaNode.Tag(new ValueConstraint(equuleusName, StaticMappingNameMessage), [.. children]);
    }

    /// <summary>circinus include/dhcp/option-v4.xml.i: default-router is modelled, the other options are open.</summary>
    private static SchemaNode Option(VyosRelease release) =>
        SchemaNode.OpenNode(("default-router", SchemaNode.Leaf(new ValueConstraint(Validators.Ipv4Address(release)))));

    /// <summary>equuleus: no constraint; sagitta+ include/generic-description.xml.i.</summary>
    private static SchemaNode Description(VyosRelease release) =>
        SchemaNode.Leaf(release.IsEquuleus ? null : new ValueConstraint(Validators.Regex(".{0,255}"), "Description too long (limit 255 characters)"));
}
