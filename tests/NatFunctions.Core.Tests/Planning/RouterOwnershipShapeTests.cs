using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Planning;

/// <summary>
/// Ownership needs the full shape our renderer writes (decision 0014): a marker prefix alone does not make a rule or a
/// mapping ours, and whatever the router holds, the planner answers with a plan rather than an exception.
/// </summary>
public sealed class RouterOwnershipShapeTests
{
    [Theory]
    [InlineData("nf:vm-a:ssh", true)]
    [InlineData("nf:vm-a:ssh team web: port 22", true)]
    [InlineData("nf:0:x", true)]
    [InlineData("nf: legacy", false)]
    [InlineData("nf:old", false)]
    [InlineData("nf:old:", false)]
    [InlineData("nf::ssh", false)]
    [InlineData("nf:Old-Box:ssh", false)]
    [InlineData("nf:vm_a:ssh", false)]
    [InlineData("nf:-vm:ssh", false)]
    [InlineData("nf:vm-a:ssh:extra", false)]
    [InlineData("nf:vm-a:ssh ", false)]
    [InlineData("nfx:vm-a:ssh", false)]
    [InlineData("NF:vm-a:ssh", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_rule_is_ours_only_with_the_rendered_description_shape(string? description, bool owned)
    {
        var ownership = new RouterOwnership(PlanningScenario.Settings());

        Assert.Equal(owned, ownership.OwnsRule(150, description));
        Assert.False(ownership.OwnsRule(99, description));
    }

    [Theory]
    [InlineData("nf-vm-a", true)]
    [InlineData("nf-legacy", true)]
    [InlineData("nf-", false)]
    [InlineData("nf-Old_Printer", false)]
    [InlineData("nf-old.printer", false)]
    [InlineData("nf--x", false)]
    [InlineData("nfs-server", false)]
    [InlineData("printer", false)]
    public void A_mapping_is_ours_only_with_the_rendered_name_shape_in_the_configured_subnet(string name, bool owned)
    {
        var ownership = new RouterOwnership(PlanningScenario.Settings());

        Assert.Equal(owned, ownership.OwnsMapping(PlanningScenario.SharedNetwork, PlanningScenario.Subnet, name));
        Assert.False(ownership.OwnsMapping("GUEST", PlanningScenario.Subnet, name));
    }

    [Fact]
    public void Marker_lookalikes_in_the_range_survive_a_repair_with_an_empty_database()
    {
        var settings = PlanningScenario.Settings();
        var actual = PlanningScenario.AsPrinted(PlanningScenario.Config(
            "set nat destination rule 100 description 'nf: legacy'",
            "set nat destination rule 100 destination port '2200'",
            "set nat destination rule 100 inbound-interface name 'eth0'",
            "set nat destination rule 100 protocol 'tcp'",
            "set nat destination rule 100 translation address '192.168.64.30'",
            "set nat destination rule 101 description 'nf:old'",
            "set nat destination rule 101 inbound-interface name 'eth0'",
            "set nat destination rule 101 translation address '192.168.64.31'",
            "set nat destination rule 102 description 'nf:Old_Box:ssh'",
            "set nat destination rule 102 inbound-interface name 'eth0'",
            "set nat destination rule 102 translation address '192.168.64.32'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-Old_Printer ip-address '192.168.64.5'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-Old_Printer mac-address '00:11:22:33:44:55'"));

        var plan = new RouterPlanner(settings).Plan(actual, DesiredState.Empty);

        Assert.True(plan.IsEmpty);
        Assert.Equal([100, 101, 102], plan.Unmanaged.Select(rule => rule.RuleNumber));
    }

    [Fact]
    public void Tags_that_name_one_number_twice_are_foreign_and_the_number_is_refused_instead_of_crashing_the_plan()
    {
        var settings = PlanningScenario.Settings(dhcp: false);
        var actual = PlanningScenario.Config(
            "set nat destination rule 110 description 'nf:vm-a:ssh'",
            "set nat destination rule 110 inbound-interface name 'eth0'",
            "set nat destination rule 110 translation address '192.168.64.10'",
            "set nat destination rule 0110 description 'nf:vm-b:ssh'",
            "set nat destination rule 0110 inbound-interface name 'eth0'",
            "set nat destination rule 0110 translation address '192.168.64.11'",
            "set nat destination rule 00111 description 'nf:vm-c:ssh'",
            "set nat destination rule 00111 translation address '192.168.64.12'");
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-d", "192.168.64.13", null, PlanningScenario.Forward(111, "ssh", 32000, 22))]);

        var plan = new RouterPlanner(settings).Plan(actual, desired);

        Assert.True(plan.IsEmpty);
        Assert.Equal([110, 111], plan.Unmanaged.Select(rule => rule.RuleNumber));
        Assert.Equal(111, Assert.Single(plan.Refused).RuleNumber);
    }

    [Theory]
    [InlineData("1.3")]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public void Rules_with_nodes_we_do_not_model_are_planned_around_and_a_second_plan_is_empty(string version)
    {
        var settings = PlanningScenario.Settings(VyosVersion.Parse(version)) with { ManagedRules = new NatFunctions.Core.Routers.RuleNumberRange(1, 999999) };
        var actual = PlanningScenario.AsPrinted(PlanningScenario.Config(
            "set firewall group address-group MGMT address '198.51.100.10'",
            "set firewall group interface-group WAN interface 'eth0'",
            "set nat destination rule 10 description 'nf:old'",
            "set nat destination rule 10 destination group address-group 'MGMT'",
            "set nat destination rule 10 destination port '!120'",
            "set nat destination rule 10 inbound-interface group 'WAN'",
            // udp: '!120' takes every other udp port (a clash for a udp forward), and ours is tcp.
            "set nat destination rule 10 protocol 'udp'",
            "set nat destination rule 10 translation address '192.168.64.40'",
            "set nat destination rule 10 translation port '8000-8010'",
            "set nat destination rule 20 destination port 'ftp,130,9000-9999'",
            "set nat destination rule 20 inbound-interface name '!eth1'",
            "set nat destination rule 20 load-balance backend 192.168.64.41 weight '50'",
            "set nat destination rule 20 load-balance backend 192.168.64.42 weight '50'",
            "set nat destination rule 20 load-balance hash 'source-address'",
            "set nat destination rule 20 packet-type 'host'",
            "set nat destination rule 20 protocol 'tcp_udp'",
            "set nat destination rule 30 destination port '3000'",
            "set nat destination rule 30 exclude",
            "set nat destination rule 30 protocol 'tcp'",
            "set nat destination rule 40 destination fqdn 'vpn.example.com'",
            "set nat destination rule 40 destination port '443'",
            "set nat destination rule 40 protocol 'tcp'",
            "set nat destination rule 40 translation redirect port '8443'",
            "set nat destination rule 50 description 'nf:vm-x:ssh'",
            "set nat destination rule 50 destination port '32050'",
            "set nat destination rule 50 log",
            "set nat destination rule 50 protocol 'tcp'",
            "set nat destination rule 50 translation address '192.168.64.50'",
            "set nat destination rule 50 translation options port-mapping 'random'",
            "comment nat destination rule 20 'balanced'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer ip-address '192.168.64.5'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 subnet-id '1'"));
        var desired = new DesiredStateBuilder(settings).Build([
            PlanningScenario.Vm("vm-a", "192.168.64.60", "02:00:00:00:00:60", PlanningScenario.Forward(60, "ssh", 32060, 22))]);

        var planner = new RouterPlanner(settings);
        var plan = planner.Plan(actual, desired);
        var after = actual.DeepClone();
        ConfigTreeEditor.Apply(after, plan.Commands);

        Assert.Equal(["nat destination rule 50"], plan.Deleted.Select(change => change.Key.ToString()));
        Assert.Equal(["nat destination rule 60", "dhcp static-mapping nf-vm-a"], plan.Added.Select(change => change.Key.ToString()));
        Assert.Equal([10, 20, 30, 40], plan.Unmanaged.Select(rule => rule.RuleNumber));
        Assert.True(planner.Plan(PlanningScenario.AsPrinted(after), desired).IsEmpty);
    }
}
