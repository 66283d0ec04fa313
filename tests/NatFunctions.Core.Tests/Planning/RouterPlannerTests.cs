using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Planning;

public sealed class RouterPlannerTests
{
    [Fact]
    public void A_new_vm_becomes_its_rules_and_dhcp_mapping_in_version_1_4_syntax()
    {
        var ssh = PlanningScenario.Forward(100, "ssh", 32000, 22);
        var web = PlanningScenario.Forward(101, "web", 32001, 8080);
        web.Protocol = ForwardProtocol.TcpUdp;
        web.SourceIp = "203.0.113.0/24";
        web.CustomDescription = "blog; $(reboot)";
        web.Status = ForwardStatus.Disabled;
        var vm = PlanningScenario.Vm("vm-a", "192.168.64.10", "02:00:00:00:00:0a", ssh, web);
        var settings = PlanningScenario.Settings();

        var plan = new RouterPlanner(settings).Plan(PlanningScenario.Config(), new DesiredStateBuilder(settings).Build([vm]));

        Assert.Equal(
            [
                "set nat destination rule 100 description 'nf:vm-a:ssh'",
                "set nat destination rule 100 destination port '32000'",
                "set nat destination rule 100 inbound-interface name 'eth0'",
                "set nat destination rule 100 protocol 'tcp'",
                "set nat destination rule 100 translation address '192.168.64.10'",
                "set nat destination rule 100 translation port '22'",
                "set nat destination rule 101 description 'nf:vm-a:web blog; $(reboot)'",
                "set nat destination rule 101 destination port '32001'",
                "set nat destination rule 101 disable",
                "set nat destination rule 101 inbound-interface name 'eth0'",
                "set nat destination rule 101 protocol 'tcp_udp'",
                "set nat destination rule 101 source address '203.0.113.0/24'",
                "set nat destination rule 101 translation address '192.168.64.10'",
                "set nat destination rule 101 translation port '8080'",
                "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a ip-address '192.168.64.10'",
                "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a mac-address '02:00:00:00:00:0a'",
            ],
            plan.CommandTexts);
        Assert.Equal(new[] { 100, 101 }, plan.Added.Where(change => change.RuleNumber is not null).Select(change => change.RuleNumber!.Value).ToArray());
    }

    [Fact]
    public void Version_1_3_uses_the_plain_inbound_interface_and_mac_address_leaves()
    {
        var settings = PlanningScenario.Settings(VyosVersion.V1_3);
        var vm = PlanningScenario.Vm("vm-a", "192.168.64.10", "02:00:00:00:00:0a", PlanningScenario.Forward(100, "ssh", 32000, 22));

        var commands = new RouterPlanner(settings).Plan(PlanningScenario.Config(), new DesiredStateBuilder(settings).Build([vm])).CommandTexts;

        Assert.Contains("set nat destination rule 100 inbound-interface 'eth0'", commands);
        Assert.Contains("set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a mac-address '02:00:00:00:00:0a'", commands);
    }

    [Fact]
    public void Foreign_rules_in_the_range_are_reported_and_never_touched_rules_outside_the_range_are_ignored()
    {
        var settings = PlanningScenario.Settings(dhcp: false);
        var actual = PlanningScenario.Config(
            "set nat destination rule 50 description 'nf:old:ssh'",
            "set nat destination rule 50 translation address '10.0.0.1'",
            "set nat destination rule 120 description 'hand made'",
            "set nat destination rule 120 translation address '10.0.0.2'",
            "set nat destination rule 121 translation address '10.0.0.3'",
            "set nat destination rule 130 description 'nf:gone:ssh'",
            "set nat destination rule 130 translation address '10.0.0.4'");

        var plan = new RouterPlanner(settings).Plan(actual, DesiredState.Empty);

        Assert.Equal([new UnmanagedRule(120, "hand made"), new UnmanagedRule(121, null)], plan.Unmanaged);
        Assert.Equal(["delete nat destination rule 130"], plan.CommandTexts);
        Assert.Equal(PlannedChangeKind.Delete, Assert.Single(plan.Changes).Kind);
    }

    [Theory]
    [InlineData("set nat destination rule 100 translation address '192.168.64.99'", DriftField.Address)]
    [InlineData("set nat destination rule 100 destination port '32099'", DriftField.Ports)]
    [InlineData("set nat destination rule 100 translation port '2222'", DriftField.Ports)]
    [InlineData("set nat destination rule 100 protocol 'udp'", DriftField.Protocol)]
    [InlineData("set nat destination rule 100 source address '198.51.100.7'", DriftField.Source)]
    [InlineData("set nat destination rule 100 description 'nf:vm-a:ssh edited'", DriftField.Description)]
    [InlineData("set nat destination rule 100 inbound-interface name 'eth1'", DriftField.Interface)]
    [InlineData("set nat destination rule 100 disable", DriftField.Disable)]
    [InlineData("set nat destination rule 100 log", DriftField.Other)]
    public void Drift_in_any_field_of_an_owned_rule_is_named_and_replaced_in_one_go(string edit, DriftField expected)
    {
        var settings = PlanningScenario.Settings(dhcp: false);
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "192.168.64.10", null, PlanningScenario.Forward(100, "ssh", 32000, 22))]);
        var planner = new RouterPlanner(settings);
        var actual = new ConfigTree();
        ConfigTreeEditor.Apply(actual, planner.Plan(new ConfigTree(), desired).Commands);
        var edited = VyosCommand.Set(edit["set ".Length..].Split(' ').TakeWhile(word => !word.StartsWith('\'')), edit.Contains('\'') ? edit.Split('\'')[1] : null);
        ConfigTreeEditor.Apply(actual, [edited]);

        var plan = planner.Plan(PlanningScenario.AsPrinted(actual), desired);

        var change = Assert.Single(plan.Changes);
        Assert.Equal(PlannedChangeKind.Update, change.Kind);
        Assert.Equal([expected], change.Drift);
        Assert.Equal("delete nat destination rule 100", plan.CommandTexts[0]);
        Assert.Equal(7, plan.CommandTexts.Count);
    }

    [Fact]
    public void A_failed_row_freezes_its_rule_number_and_dhcp_mapping()
    {
        var settings = PlanningScenario.Settings();
        var failed = PlanningScenario.Forward(100, "ssh", 32000, 22);
        failed.SyncState = SyncState.Failed;
        var vm = PlanningScenario.Vm("vm-a", "192.168.64.10", "02:00:00:00:00:0a", failed);
        vm.DhcpSyncState = SyncState.Failed;
        var actual = PlanningScenario.Config(
            "set nat destination rule 100 description 'nf:vm-a:ssh'",
            "set nat destination rule 100 translation address '192.168.64.77'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a ip-address '192.168.64.77'");

        var plan = new RouterPlanner(settings).Plan(actual, new DesiredStateBuilder(settings).Build([vm]));

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void A_desired_rule_on_a_number_a_foreign_rule_holds_is_refused_not_applied()
    {
        var settings = PlanningScenario.Settings(dhcp: false);
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "192.168.64.10", null, PlanningScenario.Forward(120, "ssh", 32000, 22))]);
        var actual = PlanningScenario.Config("set nat destination rule 120 description 'hand made'");

        var plan = new RouterPlanner(settings).Plan(actual, desired);

        Assert.True(plan.IsEmpty);
        Assert.Equal(120, Assert.Single(plan.Refused).RuleNumber);
    }

    [Fact]
    public void A_value_vyos_cannot_quote_is_refused_by_the_builder_and_frozen()
    {
        var settings = PlanningScenario.Settings(dhcp: false);
        var bad = PlanningScenario.Forward(100, "ssh", 32000, 22);
        bad.CustomDescription = "it's";
        var outside = PlanningScenario.Forward(5, "web", 32001, 80);

        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "192.168.64.10", null, bad, outside)]);

        Assert.Empty(desired.NatRules);
        Assert.Equal([100, 5], desired.Refused.Select(refused => refused.RuleNumber!.Value));
        Assert.Contains("single quote", desired.Refused[0].Reason, StringComparison.Ordinal);
        Assert.Contains(100, desired.FrozenRuleNumbers);
    }
}
