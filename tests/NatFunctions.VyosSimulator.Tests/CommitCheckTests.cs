
namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// Commit-time NAT checks per release with the whole printed text: equuleus/sagitta/circinus src/conf_mode/nat.py
/// verify() texts (ConfigError fills at 72 columns, base.py), framed as vyos-configd (1.3/1.4) or vyatta-cfg
/// system_out (1.5, vyos-1x current T6326) print them, and the warnings after which the commit still goes through.
/// </summary>
public sealed class CommitCheckTests
{
    private const string Interfaces = "set interfaces ethernet eth0 address 'dhcp'\nset interfaces ethernet eth1 vif 20\n";
    private const string Rule = "set nat destination rule 10 ";

    public static TheoryData<string, string[], string> Failures => new()
    {
        {
            "1.3",
            ["translation address 192.168.1.2"],
            "\nDestination NAT configuration error in rule 10: inbound-interface not\nspecified\n\n[[nat]] failed\nCommit failed\n"
        },
        {
            "1.3",
            ["inbound-interface eth0"],
            "\nDestination NAT configuration error in rule 10: translation address not\nspecified\n\n[[nat]] failed\nCommit failed\n"
        },
        {
            "1.3",
            ["inbound-interface eth0", "translation address 192.168.1.2", "destination port 22"],
            "\nDestination NAT configuration error in rule 10: ports can only be\nspecified when protocol is either tcp, udp or tcp_udp!\n\n[[nat]] failed\nCommit failed\n"
        },
        {
            "1.3",
            ["inbound-interface eth0", "protocol tcp", "translation address 192.168.1.0/24", "destination port 22"],
            "\nDestination NAT configuration error in rule 10: Cannot use ports with an\nIPv4net type translation address as it statically maps a whole network\nof addresses onto another network of addresses\n\n[[nat]] failed\nCommit failed\n"
        },
        {
            "1.4",
            ["inbound-interface name eth0", "inbound-interface group wan", "translation address 192.168.1.2"],
            "\nDestination NAT configuration error in rule 10: cannot specify both\ninterface group and interface name for destination nat rule \"10\"\n\n[[nat]] failed\nCommit failed\n"
        },
        {
            "1.5",
            ["inbound-interface group !wan", "translation address 192.168.1.2"],
            "[ nat ]\nInvalid interface group \"wan\" on destination nat rule\n[[nat]] failed\nCommit failed\n\n"
        },
        {
            "1.4",
            ["inbound-interface name eth0", "protocol tcp"],
            "\nDestination NAT configuration error in rule 10: translation requires\naddress and/or port\n\n[[nat]] failed\nCommit failed\n"
        },
        {
            "1.5",
            ["inbound-interface name eth0", "translation port 22"],
            "[ nat ]\nDestination NAT configuration error in rule 10: ports can only be\nspecified when protocol is either tcp, udp or tcp_udp!\n[[nat]] failed\nCommit failed\n\n"
        },
        {
            "1.4",
            ["destination group address-group web", "translation address 192.168.1.2"],
            "\nInvalid address-group \"web\" on nat rule\n\n[[nat]] failed\nCommit failed\n"
        },
        {
            "1.5",
            ["destination address 192.0.2.1", "destination fqdn example.net", "translation address 192.168.1.2"],
            "[ nat ]\nOnly one of address, fqdn or geoip can be specified\n[[nat]] failed\nCommit failed\n\n"
        },
    };

    public static TheoryData<string, string> InterfaceWarnings => new()
    {
        // equuleus nat.py print()s the warning; configd writes it straight to the terminal.
        { "1.3", "WARNING: rule \"10\" interface \"eth5\" does not exist on this system\n" },

        // base.py Warning: fill() at textwrap's default width 70, the header counting.
        { "1.4", "\nWARNING: Interface \"eth5\" for destination NAT rule \"10\" does not\nexist!\n\n" },

        // 1.5: through vyshim and vyatta-cfg's pipe: "[ nat ]" first, a newline after.
        { "1.5", "[ nat ]\n\nWARNING: Interface \"eth5\" for destination NAT rule \"10\" does not\nexist!\n\n\n" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_rule_verify_refuses_fails_the_commit_with_the_versions_text(string version, string[] fields, string expected)
    {
        using var router = new SimulatedRouterState(Interfaces);
        var console = router.Open(VyosRelease.Parse(version));
        console.Run("configure");
        foreach (var field in fields) Assert.Equal(string.Empty, console.Run(Rule + field));

        Assert.Equal(expected, console.Run("commit"));
        Assert.Equal(Interfaces, router.ActiveConfig);
    }

    [Theory]
    [MemberData(nameof(InterfaceWarnings))]
    public void A_missing_inbound_interface_warns_and_the_commit_still_goes_through(string version, string expected)
    {
        using var router = new SimulatedRouterState(Interfaces);
        var console = router.Open(VyosRelease.Parse(version));
        var inbound = VyosRelease.Parse(version).HasInterfaceNodes ? "inbound-interface name eth5" : "inbound-interface eth5";
        console.RunAll("configure", Rule + inbound, Rule + "translation address 192.168.1.2");

        Assert.Equal(expected, console.Run("commit"));
        Assert.Contains("translation address '192.168.1.2'", router.ActiveConfig, StringComparison.Ordinal);
        Assert.Equal("No configuration changes to commit\n", console.Run("commit"));
    }

    [Theory]
    [InlineData("1.3", "inbound-interface eth1.20")]
    [InlineData("1.3", "inbound-interface any")]
    [InlineData("1.4", "inbound-interface name eth0")]
    [InlineData("1.5", "inbound-interface name lo")]
    public void An_interface_the_system_has_commits_silently(string version, string inbound)
    {
        using var router = new SimulatedRouterState(Interfaces);
        var console = router.Open(VyosRelease.Parse(version));
        console.RunAll("configure", Rule + inbound, Rule + "translation address 192.168.1.2");

        Assert.Equal(string.Empty, console.Run("commit"));
    }

    [Fact]
    public void An_interface_group_without_members_warns()
    {
        using var router = new SimulatedRouterState(Interfaces + "set firewall group interface-group wan\n");
        var console = router.Open(VyosRelease.V1_4);
        console.RunAll("configure", Rule + "inbound-interface group wan", Rule + "translation address 192.168.1.2");

        Assert.Equal("\nWARNING: interface-group \"wan\" has no members!\n\n", console.Run("commit"));
        Assert.Contains("inbound-interface group 'wan'", router.ActiveConfig, StringComparison.Ordinal);
    }
}
