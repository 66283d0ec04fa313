using NatFunctions.Core.Planning;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers.Views;

/// <summary>
/// What is really on a router, in the terms of ownership (product-spec §1.3): every NAT destination rule with its
/// ownership flags, and the DHCP static mappings under the configured shared network (none when DHCP is not configured).
/// </summary>
public sealed record RouterNatView(
    string Router,
    DateTime ReadAt,
    RuleNumberRange ManagedRules,
    string Marker,
    IReadOnlyList<NatRuleView> Rules,
    IReadOnlyList<DhcpMappingView> DhcpStaticMappings)
{
    /// <summary>Foreign rules inside the managed range: reported, avoided by allocation, never touched.</summary>
    public IReadOnlyList<UnmanagedRule> UnmanagedRules =>
        [.. Rules.Where(view => view.ManagedRange && !view.Owned).Select(view => new UnmanagedRule(view.Rule.Number, view.Rule.Description))];

    public static RouterNatView Read(RouterSettings settings, ConfigTree tree, DateTime readAt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(tree);
        var ownership = new RouterOwnership(settings);
        var rules = ManagedObjectReader.ReadNatDestinationRules(tree, settings.VyosVersion)
            .OrderBy(rule => rule.Number)
            .Select(rule => new NatRuleView(rule, ownership.IsInManagedRange(rule.Number), ownership.OwnsRule(rule.Number, rule.Description)))
            .ToList();
        var mappings = settings.DhcpSharedNetwork is not { } sharedNetwork
            ? []
            : ManagedObjectReader.ReadDhcpStaticMappings(tree, settings.VyosVersion)
                .Where(mapping => mapping.SharedNetwork == sharedNetwork)
                .Select(mapping => new DhcpMappingView(mapping, ownership.OwnsMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name)))
                .ToList();
        return new RouterNatView(settings.Name, readAt, settings.ManagedRules, settings.Marker, rules, mappings);
    }
}
