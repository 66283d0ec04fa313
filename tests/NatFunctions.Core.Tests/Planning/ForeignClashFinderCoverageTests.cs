using NatFunctions.Core.Planning;

namespace NatFunctions.Core.Tests.Planning;

/// <summary>
/// The foreign objects a real router holds that take a forward's port or a mapping's MAC or place, per VyOS's own
/// definitions (decision 0019): negated ports, rules without a port, port-groups, earlier exclude rules, any service
/// name of VyOS's /etc/services; a foreign mapping with our MAC; an IP outside the subnet.
/// </summary>
public sealed class ForeignClashFinderCoverageTests
{
    [Theory]
    // '!22' forwards every tcp port but 22.
    [InlineData("set nat destination rule 5 destination port '!22'", 32000, true)]
    [InlineData("set nat destination rule 5 destination port '!32000'", 32000, false)]
    // No destination port: every port of its protocol.
    [InlineData("set nat destination rule 5 description 'all tcp'", 32000, true)]
    // A service name beyond the common ones ("x11" is 6000 in /etc/services), and an alias ("www" = 80).
    [InlineData("set nat destination rule 5 destination port 'x11'", 6000, true)]
    [InlineData("set nat destination rule 5 destination port 'www'", 80, true)]
    [InlineData("set nat destination rule 5 destination port 'x11'", 6001, false)]
    public void A_foreign_rule_takes_the_ports_vyos_gives_it(string foreignPort, int ourPort, bool clashes)
    {
        var plan = Plan(ourPort, 100, foreignPort, "set nat destination rule 5 protocol 'tcp'", "set nat destination rule 5 translation address '192.168.64.20'");

        Assert.Equal(clashes, plan.IsEmpty);
    }

    [Theory]
    [InlineData("set nat destination rule 5 source address '198.51.100.0/24'")]
    [InlineData("set nat destination rule 5 source group address-group 'PARTNERS'")]
    public void A_foreign_rule_without_a_port_for_some_sources_only_is_a_partial_overlap_and_not_refused(string sourceLine)
    {
        var plan = Plan(32000, 100, sourceLine, "set nat destination rule 5 exclude");

        Assert.Empty(plan.Refused);
    }

    [Fact]
    public void A_foreign_icmp_rule_without_a_port_takes_no_tcp_port()
    {
        var plan = Plan(32000, 100, "set nat destination rule 5 protocol 'icmp'", "set nat destination rule 5 translation address '192.168.64.20'");

        Assert.Empty(plan.Refused);
    }

    [Theory]
    [InlineData("WEB", 8443, true)]
    [InlineData("WEB", 9000, true)] // through the included group
    [InlineData("WEB", 9001, false)]
    [InlineData("!WEB", 9001, true)]
    [InlineData("MISSING", 9001, true)]
    public void A_foreign_rule_with_a_port_group_takes_the_groups_ports(string group, int ourPort, bool clashes)
    {
        var plan = Plan(
            ourPort,
            100,
            "set firewall group port-group WEB port '443'",
            "set firewall group port-group WEB port '8443'",
            "set firewall group port-group WEB include 'ADMIN'",
            "set firewall group port-group ADMIN port '9000'",
            $"set nat destination rule 5 destination group port-group '{group}'",
            "set nat destination rule 5 protocol 'tcp'",
            "set nat destination rule 5 translation address '192.168.64.20'");

        Assert.Equal(clashes, plan.IsEmpty);
        if (clashes) Assert.Contains("already forwarded on the router by rule 5", Assert.Single(plan.Refused).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(500, false)]
    public void An_exclude_rule_numbered_before_ours_stops_it(int excludeRule, bool clashes)
    {
        var plan = Plan(
            32000,
            100,
            $"set nat destination rule {excludeRule} destination port '32000'",
            $"set nat destination rule {excludeRule} exclude",
            $"set nat destination rule {excludeRule} protocol 'tcp'");

        Assert.Equal(clashes, plan.IsEmpty);
        if (clashes) Assert.Contains("excluded from destination NAT", Assert.Single(plan.Refused).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.3", "mac-address")]
    [InlineData("1.4", "mac-address")]
    [InlineData("1.5", "mac")]
    public void A_foreign_mapping_with_our_mac_in_the_subnet_is_a_clash(string version, string macLeaf)
    {
        var settings = PlanningScenario.Settings(NatFunctions.Core.Vyos.VyosVersion.Parse(version));
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "192.168.64.10", "02:00:00:00:00:0a")]);
        var actual = PlanningScenario.Config(
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer ip-address '192.168.64.5'",
            $"set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer {macLeaf} '02:00:00:00:00:0A'");

        var plan = new RouterPlanner(settings).Plan(actual, desired);

        Assert.Empty(plan.Changes);
        Assert.Contains("MAC address 02:00:00:00:00:0a is already given on the router to the DHCP static mapping 'printer'", Assert.Single(plan.Refused).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_outside_the_subnet_is_refused_before_vyos_refuses_the_commit()
    {
        var settings = PlanningScenario.Settings();
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "10.9.9.10", "02:00:00:00:00:0a")]);

        var plan = new RouterPlanner(settings).Plan(PlanningScenario.Config(), desired);

        Assert.Empty(plan.Changes);
        Assert.Contains("is not within the DHCP subnet 192.168.64.0/24", Assert.Single(plan.Refused).Reason, StringComparison.Ordinal);
    }

    private static RouterPlan Plan(int ourPort, int ourRule, params string[] config)
    {
        var settings = PlanningScenario.Settings(dhcp: false);
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "192.168.64.10", null, PlanningScenario.Forward(ourRule, "web", ourPort, 80))]);
        return new RouterPlanner(settings).Plan(PlanningScenario.Config(config), desired);
    }
}
