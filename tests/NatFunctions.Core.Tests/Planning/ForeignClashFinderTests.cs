using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;

namespace NatFunctions.Core.Tests.Planning;

/// <summary>
/// A pending forward allocated while the router's reservations were unknown may collide with a foreign rule's
/// external port or a foreign static mapping's IP: the planner refuses it with a clear reason instead of sending a
/// rule that would silently lose.
/// </summary>
public sealed class ForeignClashFinderTests
{
    private const string ForeignWeb = "set nat destination rule 5 destination port '80,443,8000-8100'";

    [Theory]
    [InlineData(ForwardProtocol.Tcp, "tcp", "eth0", 8080, true)]
    [InlineData(ForwardProtocol.Udp, "tcp", "eth0", 8080, false)]
    [InlineData(ForwardProtocol.TcpUdp, "udp", "eth0", 8080, true)]
    [InlineData(ForwardProtocol.Tcp, "tcp_udp", "eth0", 443, true)]
    [InlineData(ForwardProtocol.Tcp, "tcp", "eth1", 8080, false)]
    [InlineData(ForwardProtocol.Tcp, "tcp", "!eth1", 8080, true)]
    [InlineData(ForwardProtocol.Tcp, "tcp", "eth0", 8101, false)]
    public void A_pending_rule_on_a_foreign_rules_external_port_is_refused(ForwardProtocol protocol, string foreignProtocol, string foreignInterface, int port, bool clashes)
    {
        var settings = PlanningScenario.Settings(dhcp: false);
        var forward = PlanningScenario.Forward(100, "web", port, 80);
        forward.Protocol = protocol;
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "192.168.64.10", null, forward)]);
        var actual = PlanningScenario.Config(
            ForeignWeb,
            $"set nat destination rule 5 inbound-interface name '{foreignInterface}'",
            $"set nat destination rule 5 protocol '{foreignProtocol}'",
            "set nat destination rule 5 translation address '192.168.64.20'");

        var plan = new RouterPlanner(settings).Plan(actual, desired);

        Assert.Equal(clashes, plan.IsEmpty);
        if (clashes) Assert.Contains("already forwarded on the router by rule 5", Assert.Single(plan.Refused).Reason, StringComparison.Ordinal);
        else Assert.Empty(plan.Refused);
    }

    [Fact]
    public void An_applied_rule_is_not_taken_away_when_a_foreign_rule_appears_on_its_port()
    {
        var settings = PlanningScenario.Settings(dhcp: false);
        var forward = PlanningScenario.Forward(100, "web", 8080, 80);
        forward.SyncState = SyncState.Applied;
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "192.168.64.10", null, forward)]);
        var actual = PlanningScenario.Config(ForeignWeb, "set nat destination rule 5 protocol 'tcp'", "set nat destination rule 5 translation address '192.168.64.20'");

        var plan = new RouterPlanner(settings).Plan(actual, desired);

        Assert.Empty(plan.Refused);
        Assert.Equal(["nat destination rule 100"], plan.Added.Select(change => change.Key.ToString()));
    }

    [Theory]
    [InlineData(ForwardStatus.Disabled)]
    [InlineData(ForwardStatus.Enabled)]
    public void Changing_our_rule_already_on_the_router_is_not_refused_for_a_clash_that_predates_it(ForwardStatus status)
    {
        var settings = PlanningScenario.Settings(dhcp: false);
        var forward = PlanningScenario.Forward(100, "web", 8080, 80);
        forward.Status = status;
        forward.SourceIp = "203.0.113.0/24";
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "192.168.64.10", null, forward)]);
        var actual = PlanningScenario.Config(
            ForeignWeb,
            "set nat destination rule 5 protocol 'tcp'",
            "set nat destination rule 5 translation address '192.168.64.20'",
            "set nat destination rule 100 description 'nf:vm-a:web'",
            "set nat destination rule 100 destination port '8080'",
            "set nat destination rule 100 inbound-interface name 'eth0'",
            "set nat destination rule 100 protocol 'tcp'",
            "set nat destination rule 100 translation address '192.168.64.10'",
            "set nat destination rule 100 translation port '80'");

        var plan = new RouterPlanner(settings).Plan(actual, desired);

        Assert.Empty(plan.Refused);
        Assert.Equal(["nat destination rule 100"], plan.Changes.Select(change => change.Key.ToString()));
    }

    [Fact]
    public void A_new_disabled_rule_forwards_nothing_so_it_cannot_clash()
    {
        var settings = PlanningScenario.Settings(dhcp: false);
        var forward = PlanningScenario.Forward(100, "web", 8080, 80);
        forward.Status = ForwardStatus.Disabled;
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "192.168.64.10", null, forward)]);
        var actual = PlanningScenario.Config(ForeignWeb, "set nat destination rule 5 protocol 'tcp'", "set nat destination rule 5 translation address '192.168.64.20'");

        var plan = new RouterPlanner(settings).Plan(actual, desired);

        Assert.Empty(plan.Refused);
        Assert.Equal(["nat destination rule 100"], plan.Added.Select(change => change.Key.ToString()));
    }

    [Fact]
    public void A_pending_vm_on_an_ip_a_foreign_static_mapping_holds_is_refused_for_its_mapping_and_its_rules()
    {
        var settings = PlanningScenario.Settings();
        var desired = new DesiredStateBuilder(settings).Build([
            PlanningScenario.Vm("vm-a", "192.168.64.5", "02:00:00:00:00:0a", PlanningScenario.Forward(100, "ssh", 32000, 22))]);
        var actual = PlanningScenario.Config(
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer ip-address '192.168.64.5'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer mac-address '00:11:22:33:44:55'");

        var plan = new RouterPlanner(settings).Plan(actual, desired);

        Assert.True(plan.IsEmpty);
        Assert.Equal(["100", "nf-vm-a"], plan.Refused.Select(refused => refused.MappingName ?? refused.RuleNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(plan.Refused, refused => Assert.Contains("'printer'", refused.Reason, StringComparison.Ordinal));
    }
}
