using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

public sealed class ManagedObjectReaderTests
{
    [Fact]
    public void Reads_1_3_rules_from_the_reference_example()
    {
        var tree = ConfigCommandsParser.Parse("""
            set nat destination rule 100 description 'Regular destination NAT from external'
            set nat destination rule 100 destination port '3389'
            set nat destination rule 100 inbound-interface 'pppoe0'
            set nat destination rule 100 protocol 'tcp'
            set nat destination rule 100 translation address '192.0.2.40'
            """);

        var rule = Assert.Single(ManagedObjectReader.ReadNatDestinationRules(tree, VyosVersion.V1_3));

        Assert.Equal(
            new NatDestinationRule(100)
            {
                Description = "Regular destination NAT from external",
                DestinationPort = "3389",
                InboundInterface = "pppoe0",
                Protocol = "tcp",
                TranslationAddress = "192.0.2.40",
            },
            rule);
    }

    [Fact]
    public void Reads_1_4_rules_with_flags()
    {
        var tree = ConfigCommandsParser.Parse("""
            set nat destination rule 100 description 'Web server NAT'
            set nat destination rule 100 destination address '198.51.100.10'
            set nat destination rule 100 destination port '80'
            set nat destination rule 100 inbound-interface name 'eth2'
            set nat destination rule 100 log
            set nat destination rule 100 protocol 'tcp'
            set nat destination rule 100 translation address '192.168.1.10'
            set nat destination rule 100 translation port '8080'
            """);

        var rule = Assert.Single(ManagedObjectReader.ReadNatDestinationRules(tree, VyosVersion.V1_4));

        Assert.Equal("eth2", rule.InboundInterface);
        Assert.Equal("198.51.100.10", rule.DestinationAddress);
        Assert.True(rule.Log);
        Assert.False(rule.Disabled);
        Assert.Equal("8080", rule.TranslationPort);
    }

    [Theory]
    [InlineData("1.3", "mac-address")]
    [InlineData("1.4", "mac-address")]
    [InlineData("1.5", "mac")]
    public void Reads_dhcp_static_mappings(string version, string macLeaf)
    {
        var tree = ConfigCommandsParser.Parse($"""
            set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 default-router '192.168.64.1'
            set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-a ip-address '192.168.64.10'
            set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-a {macLeaf} 'aa:bb:cc:dd:ee:ff'
            set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping other disable
            """);

        var mappings = ManagedObjectReader.ReadDhcpStaticMappings(tree, VyosVersion.Parse(version));

        Assert.Equal(
            [
                new DhcpStaticMapping("LAN", "192.168.64.0/24", "nf-a") { IpAddress = "192.168.64.10", MacAddress = "aa:bb:cc:dd:ee:ff" },
                new DhcpStaticMapping("LAN", "192.168.64.0/24", "other") { Disabled = true },
            ],
            mappings);
    }
}
