using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

public sealed class ConfigTreeOrderingTests
{
    [Fact]
    public void New_tag_values_are_ordered_numerically()
    {
        var tree = new ConfigTree();

        foreach (var rule in new[] { "100", "10", "50", "1000", "9" })
        {
            tree.Set(["nat", "source", "rule", rule, "outbound-interface", "name"], "eth0");
        }

        Assert.Equal(["9", "10", "50", "100", "1000"], tree.Find(["nat", "source", "rule"])!.Children.Select(child => child.Name));
    }

    [Fact]
    public void New_rule_fields_follow_the_order_vyos_prints()
    {
        var tree = new ConfigTree();
        string[] rule = ["nat", "destination", "rule", "10"];

        foreach (var field in new[] { "translation", "protocol", "log", "packet-type", "load-balance", "inbound-interface", "exclude", "disable", "destination", "description", "source" })
        {
            tree.Set([.. rule, field]);
        }

        Assert.Equal(
            ["description", "destination", "disable", "exclude", "inbound-interface", "load-balance", "log", "packet-type", "protocol", "source", "translation"],
            tree.Find(rule)!.Children.Select(child => child.Name));
    }

    [Theory]
    [InlineData("eth0", "eth0.10")]
    [InlineData("eth2", "eth10")]
    [InlineData("1.2", "1.10")]
    [InlineData("a~", "a")]
    [InlineData("Z", "a")]
    [InlineData("address", "address-mapping")]
    [InlineData("a", "a+")]
    public void Debian_version_order(string first, string second)
    {
        Assert.True(DebianVersionComparer.Instance.Compare(first, second) < 0);
        Assert.True(DebianVersionComparer.Instance.Compare(second, first) > 0);
    }

    [Fact]
    public void Inserting_into_a_parsed_config_keeps_the_parsed_order_and_places_the_new_node()
    {
        var tree = ConfigCommandsParser.Parse("set nat destination rule 100 protocol 'tcp'\nset nat destination rule 300 protocol 'udp'\n");

        tree.Set(["nat", "destination", "rule", "200", "protocol"], "tcp");

        Assert.Equal(
            "set nat destination rule 100 protocol 'tcp'\nset nat destination rule 200 protocol 'tcp'\nset nat destination rule 300 protocol 'udp'\n",
            ConfigCommandsRenderer.Render(tree));
    }

    [Fact]
    public void Setting_a_single_value_leaf_replaces_and_a_multi_value_leaf_appends()
    {
        var tree = new ConfigTree();

        tree.Set(["nat", "destination", "rule", "10", "protocol"], "tcp");
        tree.Set(["nat", "destination", "rule", "10", "protocol"], "udp");
        tree.Set(["service", "dns", "forwarding", "allow-from"], "10.0.0.0/8", ValueMode.Append);
        tree.Set(["service", "dns", "forwarding", "allow-from"], "192.168.0.0/16", ValueMode.Append);

        Assert.Equal(["udp"], tree.Find(["nat", "destination", "rule", "10", "protocol"])!.Values);
        Assert.Equal(["10.0.0.0/8", "192.168.0.0/16"], tree.Find(["service", "dns", "forwarding", "allow-from"])!.Values);
    }

    [Fact]
    public void Setting_an_existing_value_reports_no_change()
    {
        var tree = new ConfigTree();

        Assert.True(tree.Set(["nat", "destination", "rule", "10", "protocol"], "tcp"));
        Assert.False(tree.Set(["nat", "destination", "rule", "10", "protocol"], "tcp"));
    }

    [Fact]
    public void Deleting_the_last_rule_removes_the_emptied_parents()
    {
        var tree = ConfigCommandsParser.Parse("set interfaces ethernet eth0 address 'dhcp'\nset nat destination rule 10 protocol 'tcp'\n");

        Assert.True(tree.Delete(["nat", "destination", "rule", "10"]));
        Assert.False(tree.Delete(["nat", "destination", "rule", "10"]));

        Assert.Equal("set interfaces ethernet eth0 address 'dhcp'\n", ConfigCommandsRenderer.Render(tree));
    }

    [Fact]
    public void Deleting_one_value_of_a_multi_value_leaf_keeps_the_others()
    {
        var tree = ConfigCommandsParser.Parse("set a b '1'\nset a b '2'\n");

        Assert.True(tree.Delete(["a", "b"], "1"));

        Assert.Equal("set a b '2'\n", ConfigCommandsRenderer.Render(tree));
    }
}
