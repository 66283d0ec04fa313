using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

public sealed class ConfigCommandsParserRoundTripTests
{
    // vyos-reference.md B2.3 (vyos-documentation equuleus nat/index.rst), without the blank line the docs add.
    private const string B23 = """
        set nat destination rule 100 description 'Regular destination NAT from external'
        set nat destination rule 100 destination port '3389'
        set nat destination rule 100 inbound-interface 'pppoe0'
        set nat destination rule 100 protocol 'tcp'
        set nat destination rule 100 translation address '192.0.2.40'
        set nat destination rule 110 description 'NAT Reflection: INSIDE'
        set nat destination rule 110 destination port '3389'
        set nat destination rule 110 inbound-interface 'eth0.10'
        set nat destination rule 110 protocol 'tcp'
        set nat destination rule 110 translation address '192.0.2.40'

        """;

    // vyos-reference.md B2.4 (vyos.vyos fixture vyos_nat_config.cfg).
    private const string B24 = """
        set nat destination rule 100 description 'Web server NAT'
        set nat destination rule 100 destination address '198.51.100.10'
        set nat destination rule 100 destination port '80'
        set nat destination rule 100 inbound-interface name 'eth2'
        set nat destination rule 100 log
        set nat destination rule 100 protocol 'tcp'
        set nat destination rule 100 translation address '192.168.1.10'
        set nat destination rule 100 translation options address-mapping 'persistent'
        set nat destination rule 100 translation options port-mapping 'random'
        set nat destination rule 100 translation port '8080'

        """;

    private const string Mixed = """
        set firewall group address-group SERVERS address '192.0.2.1'
        set firewall group address-group SERVERS address '192.0.2.2'
        set interfaces ethernet eth0 address 'dhcp'
        set interfaces ethernet eth0 hw-id '00:53:00:00:00:01'
        set interfaces ethernet eth1 address '192.168.64.1/24'
        set interfaces ethernet eth1 description ''
        comment interfaces ethernet eth1 'LAN side'
        set nat destination rule 120 destination port '!120'
        set nat destination rule 130 destination port 'ftp,130,9000-9999'
        set nat destination rule 1000 disable
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm1 ip-address '192.168.64.10'
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm1 mac 'aa:bb:cc:dd:ee:ff'
        set service ntp server time1.vyos.net
        set system login banner pre-login 'He said \"hi\"\nC:\\path\ttab'
        set system login user vyos authentication encrypted-password '$6$rounds=656000$abc/def.'

        """;

    [Theory]
    [InlineData(B23)]
    [InlineData(B24)]
    [InlineData(Mixed)]
    public void Parsing_then_rendering_gives_back_the_same_text(string text)
    {
        var tree = ConfigCommandsParser.Parse(text);

        Assert.Equal(text, ConfigCommandsRenderer.Render(tree));
    }

    [Fact]
    public void Blank_lines_and_carriage_returns_are_ignored()
    {
        var tree = ConfigCommandsParser.Parse("set a b 'c'\r\n\r\nset a d\r\n");

        Assert.Equal("set a b 'c'\nset a d\n", ConfigCommandsRenderer.Render(tree));
    }

    [Fact]
    public void Escaped_values_are_read_as_their_text()
    {
        var tree = ConfigCommandsParser.Parse(Mixed);

        var banner = tree.Find(["system", "login", "banner", "pre-login"])!;
        Assert.Equal("He said \"hi\"\nC:\\path\ttab", Assert.Single(banner.Values));
    }

    [Fact]
    public void Multi_value_leaves_keep_every_value_in_order()
    {
        var tree = ConfigCommandsParser.Parse(Mixed);

        Assert.Equal(["192.0.2.1", "192.0.2.2"], tree.Find(["firewall", "group", "address-group", "SERVERS", "address"])!.Values);
    }

    [Fact]
    public void Empty_values_valueless_leaves_and_bare_nodes_stay_distinct()
    {
        var tree = ConfigCommandsParser.Parse(Mixed);

        Assert.Equal([string.Empty], tree.Find(["interfaces", "ethernet", "eth1", "description"])!.Values);
        Assert.True(tree.Find(["nat", "destination", "rule", "1000", "disable"])!.IsEmpty);
        Assert.True(tree.Find(["service", "ntp", "server", "time1.vyos.net"])!.IsEmpty);
    }

    [Fact]
    public void Comments_attach_to_their_node()
    {
        var tree = ConfigCommandsParser.Parse(Mixed);

        Assert.Equal("LAN side", tree.Find(["interfaces", "ethernet", "eth1"])!.Comment);
    }

    [Fact]
    public void A_value_holding_a_single_quote_still_round_trips()
    {
        const string text = "set system login banner post-login 'it's here'\n";

        var tree = ConfigCommandsParser.Parse(text);

        Assert.Equal("it's here", tree.Find(["system", "login", "banner", "post-login"])!.Values[0]);
        Assert.Equal(text, ConfigCommandsRenderer.Render(tree));
    }

    [Fact]
    public void Lines_sharing_leading_characters_but_not_words_go_to_their_own_nodes()
    {
        // The parser reuses the previous line's nodes for shared whole words only.
        var tree = ConfigCommandsParser.Parse("set a b 'x'\nset a bc 'y'\nset a b c\nset a 'z'\nset ab\nset a b 'w'\n");

        Assert.Equal(["b", "bc"], tree.Find(["a"])!.Children.Select(child => child.Name));
        Assert.Equal(["x", "w"], tree.Find(["a", "b"])!.Values);
        Assert.Equal(["y"], tree.Find(["a", "bc"])!.Values);
        Assert.True(tree.Find(["a", "b", "c"])!.IsEmpty);
        Assert.Equal(["z"], tree.Find(["a"])!.Values);
        Assert.Equal(["a", "ab"], tree.Root.Children.Select(child => child.Name));
    }

    [Theory]
    [InlineData("show nat")]
    [InlineData("set nat  destination")]
    [InlineData("set nat destination rule 10 description 'unterminated")]
    [InlineData("comment nat destination")]
    public void Malformed_lines_are_reported_with_their_number(string line)
    {
        var error = Assert.Throws<ConfigCommandsFormatException>(() => ConfigCommandsParser.Parse("set a 'b'\n" + line + "\n"));

        Assert.Equal(2, error.LineNumber);
    }

    [Theory]
    [InlineData("set system login banner pre-login 'first line of a TOP-SECRET", "Line 2: a quoted value must end the line: set system login banner pre-login '…' (value not shown)")]
    [InlineData("TOP-SECRET-continuation-of-a-multi-line-key'", "Line 2: expected a 'set' or 'comment' command: (text not shown: it may be part of a multi-line value)")]
    public void A_malformed_line_is_reported_without_its_value_because_a_configuration_holds_secrets(string line, string message)
    {
        var error = Assert.Throws<ConfigCommandsFormatException>(() => ConfigCommandsParser.Parse("set a 'b'\n" + line + "\n"));

        Assert.Equal(message, error.Message);
        Assert.Equal(line, error.Line);
    }
}
