using CsCheck;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Tests.Planning;
using NatFunctions.Core.Validation;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

/// <summary>
/// What VyOS's own definitions say about a static mapping, per version: the MAC leaf is <c>mac-address</c> until 1.4
/// (sagitta:interface-definitions/service_dhcp-server.xml.in still defines it) and <c>mac</c> from 1.5
/// (circinus:src/migration-scripts/dhcp-server/8-to-9); from 1.5 a mapping name is a hostname (circinus fqdn validator).
/// </summary>
public sealed class DhcpMappingVersionTests
{
    [Theory]
    [InlineData("1.3", "mac-address")]
    [InlineData("1.4", "mac-address")]
    [InlineData("1.5", "mac")]
    public void The_mac_leaf_is_mac_address_until_1_4(string version, string leaf) =>
        Assert.Equal(leaf, VyosVersion.Parse(version).DhcpStaticMappingMacLeaf);

    [Theory]
    [InlineData("1.3", false)]
    [InlineData("1.4", false)]
    [InlineData("1.5", true)]
    public void Only_1_5_needs_a_subnet_id(string version, bool required) =>
        Assert.Equal(required, VyosVersion.Parse(version).RequiresDhcpSubnetId);

    [Fact]
    public void Every_mapping_name_the_product_renders_is_a_valid_hostname_on_every_version()
    {
        var marker = Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz"], Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 0, 15]);
        var machineId = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 63].Where(ResourceName.IsValid);
        Gen.Select(marker, machineId).Sample((markerParts, id) =>
        {
            var settings = PlanningScenario.Settings() with { Marker = markerParts.Item1 + markerParts.Item2 };
            var name = new RouterOwnership(settings).MappingName(id);
            foreach (var version in VyosVersion.All)
            {
                Assert.Null(VyosFieldValues.DhcpMappingName(name, version));
            }
        });
    }

    [Theory]
    [InlineData("1.4", "printer_2", true)]
    [InlineData("1.5", "printer_2", false)]
    [InlineData("1.5", "-printer", false)]
    [InlineData("1.5", "printer-2.lan", true)]
    public void A_mapping_name_vyos_would_refuse_is_refused_before_any_text_exists(string version, string name, bool accepted)
    {
        var renderer = new VyosCommandRenderer(VyosVersion.Parse(version));
        var mapping = new DhcpStaticMapping("LAN", "192.168.64.0/24", name) { IpAddress = "192.168.64.10", MacAddress = "aa:bb:cc:dd:ee:ff" };

        var rendering = () => renderer.SetDhcpStaticMapping(mapping);

        if (accepted) Assert.NotEmpty(rendering());
        else Assert.Throws<VyosValueRejectedException>(rendering);
    }

    [Theory]
    [InlineData("1.4", false, true)]
    [InlineData("1.5", false, false)]
    [InlineData("1.5", true, true)]
    public void On_1_5_a_subnet_without_subnet_id_holds_the_mappings_back_as_a_router_problem_without_refusing_them(string version, bool hasSubnetId, bool planned)
    {
        var settings = PlanningScenario.Settings(VyosVersion.Parse(version));
        var desired = new DesiredStateBuilder(settings).Build([PlanningScenario.Vm("vm-a", "192.168.64.10", "02:00:00:00:00:0a", PlanningScenario.Forward(100, "ssh", 32000, 22))]);
        var actual = PlanningScenario.Config(hasSubnetId
            ? ["set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 subnet-id '1'"]
            : ["set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 range 0 start '192.168.64.100'"]);

        var plan = new RouterPlanner(settings).Plan(actual, desired);

        Assert.Empty(plan.Refused);
        Assert.Contains("nat destination rule 100", plan.Changes.Select(change => change.Key.ToString()));
        Assert.Equal(planned, plan.Changes.Any(change => change.MappingName == "nf-vm-a"));
        if (planned) Assert.Empty(plan.RouterProblems);
        else
        {
            Assert.Equal(["nf-vm-a"], plan.HeldMappings);
            Assert.Contains("has no subnet-id", Assert.Single(plan.RouterProblems), StringComparison.Ordinal);
        }
    }
}
