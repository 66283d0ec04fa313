using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

/// <summary>
/// The renderer refuses, per field, any value VyOS's validator for that node would refuse (docs/vyos-reference.md
/// C1/C2) and a few more it has no use for (service names, lists, negation, wildcards, non-canonical numbers), before a
/// command exists; the object checker gives the same answer without rendering.
/// </summary>
public sealed class VyosCommandRendererFieldValueTests
{
    private static readonly NatDestinationRule Valid = new(100)
    {
        Description = "nf:vm-1 ssh",
        InboundInterface = "eth0",
        Protocol = "tcp",
        DestinationAddress = "198.51.100.0/24",
        DestinationPort = "2222",
        SourceAddress = "203.0.113.7",
        SourcePort = "1024-65535",
        TranslationAddress = "192.168.1.10",
        TranslationPort = "22",
    };

    public static TheoryData<string, string, string> RefusedRuleValues => new()
    {
        { "1.4", "protocol", "foo" },
        { "1.4", "protocol", "TCP" },
        { "1.3", "protocol", "!tcp" },
        { "1.4", "translation address", "999.1.1.1" },
        { "1.4", "translation address", "192.168.1.0/24" },
        { "1.4", "translation address", "192.168.001.1" },
        { "1.4", "source address", "203.0.113.7/24" },
        { "1.4", "source address", "203.0.113" },
        { "1.4", "destination address", "1.2.3.4-1.2.3.9" },
        { "1.4", "destination port", "0" },
        { "1.4", "destination port", "65536" },
        { "1.4", "destination port", "http" },
        { "1.4", "destination port", "80,443" },
        { "1.4", "destination port", "090" },
        { "1.3", "source port", "2000-1000" },
        { "1.5", "translation port", "1-70000" },
        { "1.5", "inbound-interface", "0eth" },
        { "1.5", "inbound-interface", "eth*" },
        { "1.5", "inbound-interface", "!eth0" },
        { "1.5", "inbound-interface", "averyveryverylongname" },
        { "1.4", "inbound-interface", "foo.10" },
        { "1.4", "description", new string('d', 256) },
        { "1.5", "description", new string('é', 128) },

        // Addresses and ports are read without splitting into strings: every malformed shape still fails.
        { "1.4", "translation address", "1.2.3.4.5" },
        { "1.4", "translation address", "1..2.3" },
        { "1.4", "translation address", "1.2.3.4." },
        { "1.4", "translation address", ".1.2.3" },
        { "1.4", "translation address", "1.2.3.256" },
        { "1.4", "translation address", "1.2.3.+4" },
        { "1.4", "translation address", "1.2.3.٤" },
        { "1.4", "translation address", "100000.1.1.1" },
        { "1.4", "destination address", "10.0.0.1/24" },
        { "1.4", "destination address", "10.0.0.0/33" },
        { "1.4", "destination address", "10.0.0.0/08" },
        { "1.4", "destination address", "10.0.0.0/" },
        { "1.4", "destination address", "10.0.0/8" },
        { "1.4", "destination port", "-80" },
        { "1.4", "destination port", "80-" },
        { "1.4", "destination port", "80-90-100" },
        { "1.4", "destination port", "0-80" },
        { "1.4", "destination port", "123456" },
        { "1.4", "destination port", " 80" },
        { "1.4", "translation port", "" },
    };

    public static TheoryData<string, string, string> AcceptedRuleValues => new()
    {
        { "1.4", "protocol", "tcp_udp" },
        { "1.4", "protocol", "all" },
        { "1.4", "translation address", "0.0.0.0" },
        { "1.4", "source address", "10.0.0.0/8" },
        { "1.3", "destination port", "65535" },
        { "1.4", "destination port", "1-65535" },
        { "1.5", "inbound-interface", "eth1.20" },
        { "1.5", "inbound-interface", "pppoe0" },
        { "1.4", "description", new string('d', 255) },
        { "1.3", "description", new string('d', 400) },
        { "1.4", "translation address", "255.255.255.255" },
        { "1.4", "destination address", "0.0.0.0/0" },
        { "1.4", "destination address", "10.0.0.0/32" },
        { "1.4", "destination address", "192.168.1.128/25" },
        { "1.4", "destination port", "65535-65535" },
        { "1.4", "translation port", "1" },
    };

    [Theory]
    [MemberData(nameof(RefusedRuleValues))]
    public void A_rule_value_outside_the_field_rules_is_refused_before_rendering(string version, string field, string value)
    {
        var renderer = new VyosCommandRenderer(VyosVersion.Parse(version));
        var rule = With(field, value);

        var exception = Assert.Throws<VyosValueRejectedException>(() => renderer.SetNatDestinationRule(rule));

        Assert.Equal(value, exception.RejectedValue);
        Assert.Equal(exception.Message, renderer.FindNatDestinationRuleProblem(rule));
    }

    [Theory]
    [MemberData(nameof(AcceptedRuleValues))]
    public void A_rule_value_vyos_takes_is_rendered(string version, string field, string value)
    {
        var renderer = new VyosCommandRenderer(VyosVersion.Parse(version));
        var rule = With(field, value);

        Assert.Null(renderer.FindNatDestinationRuleProblem(rule));
        Assert.Contains(renderer.SetNatDestinationRule(rule), command => command.Value?.Text == value);
    }

    [Theory]
    [InlineData("LAN", "192.168.64.0/24", "vm-1", "192.168.64.300", "52:54:00:12:34:56", "192.168.64.300")]
    [InlineData("LAN", "192.168.64.0/24", "vm-1", "192.168.64.3", "52-54-00-12-34-56", "52-54-00-12-34-56")]
    [InlineData("LAN", "192.168.64.0/24", "vm-1", "192.168.64.3", "52:54:00:12:34", "52:54:00:12:34")]
    [InlineData("LAN", "192.168.64.1/24", "vm-1", "192.168.64.3", "52:54:00:12:34:56", "192.168.64.1/24")]
    [InlineData("LAN", "192.168.64.0/24", "vm:1", "192.168.64.3", "52:54:00:12:34:56", "vm:1")]
    [InlineData("L@N", "192.168.64.0/24", "vm-1", "192.168.64.3", "52:54:00:12:34:56", "L@N")]
    public void A_dhcp_mapping_value_outside_the_field_rules_is_refused(string network, string subnet, string name, string ip, string mac, string refused)
    {
        var renderer = new VyosCommandRenderer(VyosVersion.V1_4);
        var mapping = new DhcpStaticMapping(network, subnet, name) { IpAddress = ip, MacAddress = mac };

        var exception = Assert.Throws<VyosValueRejectedException>(() => renderer.SetDhcpStaticMapping(mapping));

        Assert.Equal(refused, exception.RejectedValue);
        Assert.Equal(exception.Message, renderer.FindDhcpStaticMappingProblem(mapping));
    }

    private static NatDestinationRule With(string field, string value) => field switch
    {
        "protocol" => Valid with { Protocol = value },
        "translation address" => Valid with { TranslationAddress = value },
        "source address" => Valid with { SourceAddress = value },
        "destination address" => Valid with { DestinationAddress = value },
        "destination port" => Valid with { DestinationPort = value },
        "source port" => Valid with { SourcePort = value },
        "translation port" => Valid with { TranslationPort = value },
        "inbound-interface" => Valid with { InboundInterface = value },
        "description" => Valid with { Description = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field"),
    };
}
