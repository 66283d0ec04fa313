
namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// The exact text of a refused <c>set</c> (docs/vyos-reference.md A5 c/d, C2; vyos-1x <c>src/validators</c>): each
/// validator's line once, the constraint message, <c>Value validation failed</c>, <c>Set failed</c>.
/// </summary>
public sealed class ValueErrorTextTests
{
    private const string Rule = "set nat destination rule 10 ";

    [Theory]
    [InlineData("destination port 55-23", "Error: 55-23 is not a valid port range")]
    [InlineData("destination port foo-bar", "Error: foo-bar is not a valid service name")]
    [InlineData("destination port 80,1-2-3", "Error: 1-2-3 is not a valid service name")]
    [InlineData("destination port 123456-1", "Error: 123456-1 is not a valid service name")]
    [InlineData("destination port 70000", "Error: 70000 is not a valid port")]
    [InlineData("destination port !0-10", "Error: 0-10 is not a valid port range")]
    [InlineData("translation port foo-bar", "Error: foo-bar is not a valid service name")]
    [InlineData("translation port 0-5", "Error: 0-5 is not a valid port or port range")]
    [InlineData("translation port 65536", "Error: 65536 is not a valid port or port range")]
    [InlineData("protocol foo", "Error: foo is not a valid IP protocol")]
    public void A_single_validator_prints_its_line_once(string command, string error)
    {
        using var router = new SimulatedRouterState();
        var console = router.Open(VyosRelease.V1_4);
        console.Run("configure");

        Assert.Equal($"\n  {error}\n  \n  \n  \n  Invalid value\n  Value validation failed\n  Set failed\n\n", console.Run(Rule + command));
    }

    [Fact]
    public void Address_validators_print_once_each_and_the_exclude_variants_only_behind_an_exclamation_mark()
    {
        using var router = new SimulatedRouterState();
        var console = router.Open(VyosRelease.V1_5);
        console.Run("configure");

        Assert.Equal(
            "\n  Error: foo is not a valid IPv4 address\n  Error: foo is not a valid IPv4 prefix\n  Error: foo is not a valid IPv4 address range\n"
            + "  \n  \n  \n  Invalid value\n  Value validation failed\n  Set failed\n\n",
            console.Run(Rule + "destination address foo"));

        Assert.Equal(
            "\n  Error: !foo is not a valid IPv4 address\n  Error: !foo is not a valid IPv4 prefix\n  Error: !foo is not a valid IPv4 address range\n"
            + "  Error: foo is not a valid IPv4 address\n  Error: foo is not a valid IPv4 prefix\n  Error: foo is not a valid IPv4 address range\n"
            + "  \n  \n  \n  Invalid value\n  Value validation failed\n  Set failed\n\n",
            console.Run(Rule + "source address !foo"));
    }

    [Theory]
    [InlineData("1.3", "mac-address")]
    [InlineData("1.4", "mac-address")]
    [InlineData("1.5", "mac")]
    public void The_mac_address_validator_prints_nothing_of_its_own(string version, string leaf)
    {
        using var router = new SimulatedRouterState();
        var console = router.Open(VyosRelease.Parse(version));
        console.Run("configure");

        Assert.Equal(
            "\n  Invalid value\n  Value validation failed\n  Set failed\n\n",
            console.Run($"set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping vm1 {leaf} 52:54:00:12:34"));
    }

    [Fact]
    public void A_tag_value_with_whitespace_is_refused_before_its_validators_run()
    {
        using var router = new SimulatedRouterState();
        var console = router.Open(VyosRelease.V1_4);
        console.Run("configure");

        Assert.Equal("\n  Tag node value name must not contain whitespace\n  Set failed\n\n", console.Run("set nat destination rule '1 0' protocol tcp"));
        Assert.Equal(string.Empty, router.ActiveConfig);
    }

    [Theory]
    [InlineData("destination port ftp,130,9000-9999")]
    [InlineData("destination port !120")]
    [InlineData("translation port http")]
    [InlineData("destination address !192.0.2.0/24")]
    public void Values_vyos_takes_are_taken_silently(string command)
    {
        using var router = new SimulatedRouterState();
        var console = router.Open(VyosRelease.V1_4);
        console.Run("configure");

        Assert.Equal(string.Empty, console.Run(Rule + command));
    }
}
