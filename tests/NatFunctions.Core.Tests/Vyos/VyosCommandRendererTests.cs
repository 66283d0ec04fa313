using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

public sealed class VyosCommandRendererTests
{
    private static readonly NatDestinationRule Rule = new(10022)
    {
        Description = "nf:vm-1 ssh",
        InboundInterface = "pppoe7",
        Protocol = "tcp",
        DestinationPort = "10022",
        SourceAddress = "203.0.113.0/24",
        TranslationAddress = "192.168.189.2",
        TranslationPort = "22",
        Disabled = true,
    };

    [Fact]
    public void Version_1_3_sets_the_inbound_interface_as_a_value()
    {
        var commands = new VyosCommandRenderer(VyosVersion.V1_3).SetNatDestinationRule(Rule);

        Assert.Equal(
            [
                "set nat destination rule 10022 description 'nf:vm-1 ssh'",
                "set nat destination rule 10022 destination port '10022'",
                "set nat destination rule 10022 disable",
                "set nat destination rule 10022 inbound-interface 'pppoe7'",
                "set nat destination rule 10022 protocol 'tcp'",
                "set nat destination rule 10022 source address '203.0.113.0/24'",
                "set nat destination rule 10022 translation address '192.168.189.2'",
                "set nat destination rule 10022 translation port '22'",
            ],
            commands.Select(command => command.Text));
    }

    [Theory]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public void Version_1_4_and_later_set_the_inbound_interface_name(string version)
    {
        var commands = new VyosCommandRenderer(VyosVersion.Parse(version)).SetNatDestinationRule(Rule);

        Assert.Contains("set nat destination rule 10022 inbound-interface name 'pppoe7'", commands.Select(command => command.Text));
    }

    [Fact]
    public void Replacing_a_rule_deletes_it_first()
    {
        var commands = new VyosCommandRenderer(VyosVersion.V1_4).ReplaceNatDestinationRule(new NatDestinationRule(7) { TranslationAddress = "10.0.0.1" });

        Assert.Equal(
            ["delete nat destination rule 7", "set nat destination rule 7 translation address '10.0.0.1'"],
            commands.Select(command => command.Text));
    }

    [Theory]
    [InlineData("1.3", "mac-address")]
    [InlineData("1.4", "mac-address")]
    [InlineData("1.5", "mac")]
    public void Dhcp_static_mapping_uses_the_mac_leaf_of_the_version(string version, string macLeaf)
    {
        var mapping = new DhcpStaticMapping("LAN", "192.168.64.0/24", "nf-vm-1") { IpAddress = "192.168.64.10", MacAddress = "aa:bb:cc:dd:ee:ff" };

        var commands = new VyosCommandRenderer(VyosVersion.Parse(version)).SetDhcpStaticMapping(mapping);

        Assert.Equal(
            [
                "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-1 ip-address '192.168.64.10'",
                $"set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-1 {macLeaf} 'aa:bb:cc:dd:ee:ff'",
            ],
            commands.Select(command => command.Text));
    }

    [Fact]
    public void Deleting_a_mapping_names_its_whole_path()
    {
        var command = new VyosCommandRenderer(VyosVersion.V1_4).DeleteDhcpStaticMapping("LAN", "192.168.64.0/24", "nf-vm-1");

        Assert.Equal("delete service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-1", command.Text);
    }

    [Fact]
    public void A_description_vyos_cannot_quote_is_refused_before_any_command_exists()
    {
        var renderer = new VyosCommandRenderer(VyosVersion.V1_4);

        var error = Assert.Throws<VyosValueRejectedException>(() => renderer.SetNatDestinationRule(Rule with { Description = "Bob's VM" }));

        Assert.Equal("Bob's VM", error.RejectedValue);
    }

    [Fact]
    public void A_mapping_name_with_a_space_is_refused()
    {
        var renderer = new VyosCommandRenderer(VyosVersion.V1_4);

        Assert.Throws<VyosValueRejectedException>(() => renderer.SetDhcpStaticMapping(new DhcpStaticMapping("LAN", "192.168.64.0/24", "vm 1")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000000)]
    public void Rule_numbers_outside_the_vyos_range_are_refused(int number)
    {
        Assert.Throws<VyosValueRejectedException>(() => new VyosCommandRenderer(VyosVersion.V1_4).DeleteNatDestinationRule(number));
    }

    [Theory]
    [InlineData("1.3")]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public void Rendered_commands_applied_to_a_tree_read_back_as_the_same_rule(string versionText)
    {
        var version = VyosVersion.Parse(versionText);
        var tree = new ConfigTree();

        foreach (var command in new VyosCommandRenderer(version).SetNatDestinationRule(Rule))
        {
            tree.Set(command.Path.Select(word => word.Text).ToArray(), command.Value?.Text);
        }

        var reread = ConfigCommandsParser.Parse(ConfigCommandsRenderer.Render(tree));
        Assert.Equal(Rule, Assert.Single(ManagedObjectReader.ReadNatDestinationRules(reread, version)));
    }
}
