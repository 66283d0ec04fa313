namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// NAT as VyOS's own smoketests drive it (smoketest/scripts/cli/test_nat.py of equuleus for 1.3, sagitta for 1.4 and
/// circinus for 1.5):
/// the configurations they commit must commit, the ones they expect to fail must fail with nat.py's text.
/// </summary>
public sealed class NatSmoketestTests
{
    private const string Src = "set nat source rule ";
    private const string Dst = "set nat destination rule ";

    [Theory]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public void Test_snat_commits_with_a_warning_per_missing_interface(string version)
    {
        using var router = new SimulatedRouterState();
        var console = router.Open(VyosRelease.Parse(version));
        console.Run("configure");
        foreach (var rule in new[] { "100", "110", "120", "130", "200", "210", "220", "230" })
        {
            if (int.Parse(rule, System.Globalization.CultureInfo.InvariantCulture) < 200)
            {
                console.RunAll(Src + rule + $" source address 192.168.{rule}.0/24", Src + rule + " outbound-interface name eth0", Src + rule + " translation address masquerade");
            }
            else
            {
                console.RunAll(Src + rule + $" destination address 192.168.{rule}.0/24", Src + rule + " outbound-interface name eth1", Src + rule + " exclude");
            }
        }

        var printed = console.Run("commit");

        Assert.DoesNotContain("Commit failed", printed, StringComparison.Ordinal);
        Assert.Equal(8, printed.Split("WARNING: Interface").Length - 1);
        Assert.Contains("set nat source rule 230 exclude", router.ActiveConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_snat_required_translation_address()
    {
        using var router = new SimulatedRouterState();
        var console = router.Open(VyosRelease.V1_4);
        console.RunAll("configure", Src + "5 source address 192.0.2.0/24");

        Assert.Equal(
            "\nSource NAT configuration error in rule 5: translation requires address\nand/or port\n\n[[nat]] failed\nCommit failed\n",
            console.Run("commit"));

        console.Run(Src + "5 translation address masquerade");
        Assert.Equal(string.Empty, console.Run("commit"));
    }

    [Fact]
    public void Equuleus_test_snat_required_translation_address_needs_the_outbound_interface_first()
    {
        using var router = new SimulatedRouterState("set interfaces ethernet eth0 address '192.0.2.254/24'\n");
        var console = router.Open(VyosRelease.V1_3);
        console.RunAll("configure", Src + "5 source address 192.0.2.0/24");

        Assert.Equal(
            "\nSource NAT configuration error in rule 5: outbound-interface not\nspecified\n\n[[nat]] failed\nCommit failed\n",
            console.Run("commit"));

        console.Run(Src + "5 outbound-interface eth0");
        Assert.Equal(
            "\nSource NAT configuration error in rule 5: translation address not\nspecified\n\n[[nat]] failed\nCommit failed\n",
            console.Run("commit"));

        console.Run(Src + "5 translation address masquerade");
        Assert.Equal(string.Empty, console.Run("commit"));
    }

    [Fact]
    public void Equuleus_test_dnat_negated_addresses_commits()
    {
        using var router = new SimulatedRouterState("set interfaces ethernet eth0 address '192.0.2.254/24'\n");
        var console = router.Open(VyosRelease.V1_3);
        console.RunAll(
            "configure",
            Dst + "1000 destination address !192.0.2.1", Dst + "1000 destination port 53", Dst + "1000 inbound-interface eth0",
            Dst + "1000 protocol tcp_udp", Dst + "1000 source address !192.0.2.1", Dst + "1000 translation address 192.0.2.1", Dst + "1000 translation port 53");

        Assert.Equal(string.Empty, console.Run("commit"));
    }

    [Theory]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public void Test_dnat_negated_addresses_redirect_and_no_rules_commit(string version)
    {
        using var router = new SimulatedRouterState("set interfaces ethernet eth0 address '192.0.2.254/24'\n");
        var console = router.Open(VyosRelease.Parse(version));
        console.RunAll(
            "configure",
            Dst + "10 destination address !192.0.2.1", Dst + "10 destination port 53", Dst + "10 inbound-interface name eth0",
            Dst + "10 protocol tcp_udp", Dst + "10 source address !192.0.2.1", Dst + "10 translation address 192.0.2.1", Dst + "10 translation port 53",
            Dst + "20 destination address 192.0.2.1", Dst + "20 destination port 443", Dst + "20 protocol tcp",
            Dst + "20 inbound-interface name eth0", Dst + "20 translation redirect port 8443",
            Dst + "30 destination port 80", Dst + "30 protocol tcp", Dst + "30 inbound-interface name eth0", Dst + "30 translation redirect",
            "set nat static");

        Assert.Equal(string.Empty, console.Run("commit"));
    }

    [Fact]
    public void Test_snat_net_port_map_commits()
    {
        using var router = new SimulatedRouterState();
        var console = router.Open(VyosRelease.V1_4);
        console.RunAll(
            "configure",
            Src + "10 protocol tcp_udp", Src + "10 source address 100.64.0.0/25", Src + "10 translation address 203.0.113.0/25", Src + "10 translation port 1025-3072",
            Src + "20 protocol tcp_udp", Src + "20 source address 100.64.0.128/25", Src + "20 translation address 203.0.113.128/25", Src + "20 translation port 1025-3072");

        Assert.Equal(string.Empty, console.Run("commit"));
    }

    [Fact]
    public void Warnings_of_earlier_rules_come_before_the_error_of_a_later_rule_and_are_printed_when_the_commit_fails()
    {
        // sagitta nat.py verify(): rules in order; Warning() prints at once, ConfigError ends the script.
        using var router = new SimulatedRouterState();
        var console = router.Open(VyosRelease.V1_4);
        console.RunAll(
            "configure",
            Dst + "10 inbound-interface name eth9", Dst + "10 translation address 192.168.1.10",
            Dst + "20 inbound-interface name eth9", Dst + "20 destination port 22");

        Assert.Equal(
            "\nWARNING: Interface \"eth9\" for destination NAT rule \"10\" does not\nexist!\n\n"
            + "\nWARNING: Interface \"eth9\" for destination NAT rule \"20\" does not\nexist!\n\n"
            + "\nDestination NAT configuration error in rule 20: translation requires\naddress and/or port\n\n[[nat]] failed\nCommit failed\n",
            console.Run("commit"));
        Assert.Equal(string.Empty, router.ActiveConfig);
    }
}
