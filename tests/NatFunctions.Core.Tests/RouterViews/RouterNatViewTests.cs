using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Routers.Views;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.RouterViews;

public sealed class RouterNatViewTests
{
    private static readonly DateTime ReadAt = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    private static readonly RouterSettings Settings = new()
    {
        Name = "edge",
        Transport = RouterTransport.Simulated,
        DhcpSharedNetwork = "LAN",
        DhcpSubnet = "192.168.64.0/24",
    };

    private static readonly ConfigTree Tree = ConfigCommandsParser.Parse("""
        set nat destination rule 20 description 'nf:outside:ssh'
        set nat destination rule 20 translation address '192.168.64.9'
        set nat destination rule 10000 description 'nf:web-1:ssh'
        set nat destination rule 10000 destination port '32000'
        set nat destination rule 10000 disable
        set nat destination rule 10000 translation address '192.168.64.10'
        set nat destination rule 10000 translation port '22'
        set nat destination rule 10001 description 'legacy'
        set nat destination rule 10001 translation address '192.168.64.5'
        set nat destination rule 10002 translation address '192.168.64.6'
        set nat destination rule 10003 description 'xnf:web-2:ssh'
        set nat destination rule 10003 translation address '192.168.64.7'
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-web-1 ip-address '192.168.64.10'
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer ip-address '192.168.64.7'
        set service dhcp-server shared-network-name OTHER subnet 10.0.0.0/24 static-mapping nf-elsewhere ip-address '10.0.0.5'
        """);

    [Fact]
    public void Owned_means_in_the_managed_range_and_carrying_the_marker()
    {
        var view = RouterNatView.Read(Settings, Tree, ReadAt);
        var flags = view.Rules.ToDictionary(rule => rule.Rule.Number, rule => (rule.ManagedRange, rule.Owned));

        Assert.Equal([20, 10000, 10001, 10002, 10003], view.Rules.Select(rule => rule.Rule.Number));
        Assert.Equal((false, false), flags[20]);
        Assert.Equal((true, true), flags[10000]);
        Assert.Equal((true, false), flags[10001]);
        Assert.Equal((true, false), flags[10002]);
        Assert.Equal((true, false), flags[10003]);
    }

    [Fact]
    public void Rule_fields_come_through_as_the_router_has_them()
    {
        var rule = RouterNatView.Read(Settings, Tree, ReadAt).Rules.Single(view => view.Rule.Number == 10000).Rule;

        Assert.Equal("32000", rule.DestinationPort);
        Assert.Equal("192.168.64.10", rule.TranslationAddress);
        Assert.Equal("22", rule.TranslationPort);
        Assert.True(rule.Disabled);
    }

    [Fact]
    public void Unmanaged_rules_are_the_foreign_ones_inside_the_range_only()
    {
        var view = RouterNatView.Read(Settings, Tree, ReadAt);

        Assert.Equal(
            [new UnmanagedRule(10001, "legacy"), new UnmanagedRule(10002, null), new UnmanagedRule(10003, "xnf:web-2:ssh")],
            view.UnmanagedRules);
    }

    [Fact]
    public void Only_mappings_of_the_configured_shared_network_are_shown_with_ownership()
    {
        var mappings = RouterNatView.Read(Settings, Tree, ReadAt).DhcpStaticMappings.ToDictionary(view => view.Mapping.Name, view => view.Owned);

        Assert.Equal(2, mappings.Count);
        Assert.True(mappings["nf-web-1"]);
        Assert.False(mappings["printer"]);
    }

    [Fact]
    public void A_router_without_dhcp_settings_shows_no_mappings()
    {
        var view = RouterNatView.Read(Settings with { DhcpSharedNetwork = null, DhcpSubnet = null }, Tree, ReadAt);

        Assert.Empty(view.DhcpStaticMappings);
        Assert.Equal("edge", view.Router);
        Assert.Equal(ReadAt, view.ReadAt);
    }

    [Fact]
    public void The_managed_range_and_marker_are_the_routers_own()
    {
        var settings = Settings with { ManagedRules = new RuleNumberRange(10, 30), Marker = "xnf" };

        var view = RouterNatView.Read(settings, Tree, ReadAt);

        Assert.Equal((true, false), view.Rules.Where(rule => rule.Rule.Number == 20).Select(rule => (rule.ManagedRange, rule.Owned)).Single());
        Assert.Equal((false, false), view.Rules.Where(rule => rule.Rule.Number == 10003).Select(rule => (rule.ManagedRange, rule.Owned)).Single());
        Assert.Equal("10-30", view.ManagedRules.ToString());
        Assert.Equal("xnf", view.Marker);
    }
}
