namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// The DHCP server as VyOS's own smoketests drive it: smoketest/scripts/cli/test_service_dhcp-server.py
/// <c>test_dhcp_single_pool_static_mapping</c> of sagitta (1.4, ISC dhcpd: <c>mac-address</c>, default-router leaf)
/// and circinus (1.5, Kea: <c>mac</c>, <c>option default-router</c>, <c>subnet-id</c>), with the texts of
/// src/conf_mode/service_dhcp-server.py verify() that make those commits fail.
/// </summary>
public sealed class DhcpServerSmoketestTests
{
    // setUpClass: a dummy interface holds the first address of the subnet, so the subnet is "connected".
    private const string Router = "set interfaces dummy dum8765 address '192.0.2.1/25'\n";
    private const string Pool = "set service dhcp-server shared-network-name SMOKE-2 subnet 192.0.2.0/25 ";

    [Fact]
    public void Sagitta_static_mappings_use_mac_address_and_refuse_duplicate_ips_and_macs()
    {
        using var router = new SimulatedRouterState(Router);
        var console = router.Open(VyosRelease.V1_4);
        console.RunAll("configure", Pool + "default-router 192.0.2.1", Pool + "name-server 192.0.2.1", Pool + "domain-name private");

        Assert.Equal(
            "\nNo DHCP address range or active static-mapping configured within shared-\nnetwork \"SMOKE-2, 192.0.2.0/25\"!\n\n[[service dhcp-server]] failed\nCommit failed\n",
            console.Run("commit"));

        foreach (var (client, last) in new[] { ("client1", 10), ("client2", 11), ("client3", 12) })
        {
            Assert.Equal(string.Empty, console.Run(Pool + $"static-mapping {client} mac-address 00:50:00:00:00:{last}"));
            Assert.Equal(string.Empty, console.Run(Pool + $"static-mapping {client} ip-address 192.0.2.{last}"));
        }

        console.RunAll(Pool + "static-mapping dupe1 mac-address 00:50:00:00:fe:ff", Pool + "static-mapping dupe1 ip-address 192.0.2.10");
        Assert.Equal(
            "\nConfigured IP address for static mapping \"dupe1\" already exists on\nanother static mapping\n\n[[service dhcp-server]] failed\nCommit failed\n",
            console.Run("commit"));

        // A disabled duplicate is allowed.
        console.Run(Pool + "static-mapping dupe1 disable");
        Assert.Equal(string.Empty, console.Run("commit"));
        console.RunAll(Pool.Replace("set ", "delete ", StringComparison.Ordinal) + "static-mapping dupe1", "commit");

        console.RunAll(Pool + "static-mapping dupe2 mac-address 00:50:00:00:00:10", Pool + "static-mapping dupe2 ip-address 192.0.2.120");
        Assert.Equal(
            "\nConfigured MAC address for static mapping \"dupe2\" already exists on\nanother static mapping\n\n[[service dhcp-server]] failed\nCommit failed\n",
            console.Run("commit"));
    }

    [Fact]
    public void Sagitta_has_no_mac_leaf()
    {
        using var router = new SimulatedRouterState(Router);
        var console = router.Open(VyosRelease.V1_4);
        console.Run("configure");

        Assert.Equal(
            "\n  Configuration path: service dhcp-server shared-network-name SMOKE-2 subnet 192.0.2.0/25 static-mapping vm1 [mac] is not valid\n  Set failed\n\n",
            console.Run(Pool + "static-mapping vm1 mac 00:50:00:00:00:10"));
    }

    [Fact]
    public void Circinus_static_mappings_use_mac_and_need_a_subnet_id()
    {
        using var router = new SimulatedRouterState(Router);
        var console = router.Open(VyosRelease.V1_5);
        console.RunAll("configure", Pool + "option default-router 192.0.2.1", Pool + "static-mapping client1 mac 00:50:00:00:00:10", Pool + "static-mapping client1 ip-address 192.0.2.10");

        Assert.Equal(
            "[ service dhcp-server ]\nUnique subnet ID not specified for subnet \"192.0.2.0/25\"\n[[service dhcp-server]] failed\nCommit failed\n\n",
            console.Run("commit"));

        console.Run(Pool + "subnet-id 1");
        console.Run(Pool + "static-mapping client1 duid 00:01:00:01:12:34:56:78:aa:bb:cc:dd:ee:11");
        Assert.Equal(
            "[ service dhcp-server ]\nEither MAC address or Client identifier (DUID) is required for static\nmapping \"client1\" within shared-network \"SMOKE-2, 192.0.2.0/25\"!\n[[service dhcp-server]] failed\nCommit failed\n\n",
            console.Run("commit"));

        console.Run(Pool.Replace("set ", "delete ", StringComparison.Ordinal) + "static-mapping client1 duid");
        Assert.Equal(string.Empty, console.Run("commit"));
        Assert.Contains("static-mapping client1 mac '00:50:00:00:00:10'", router.ActiveConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void Circinus_subnet_ids_must_be_unique()
    {
        using var router = new SimulatedRouterState(Router + "set interfaces dummy dum8766 address '198.51.100.1/24'\n");
        var console = router.Open(VyosRelease.V1_5);
        const string Other = "set service dhcp-server shared-network-name OTHER subnet 198.51.100.0/24 ";
        console.RunAll(
            "configure", Pool + "subnet-id 1", Pool + "range 0 start 192.0.2.10", Pool + "range 0 stop 192.0.2.20",
            Other + "subnet-id 1", Other + "range 0 start 198.51.100.10", Other + "range 0 stop 198.51.100.20");

        // Shared networks are checked in VyOS order: OTHER before SMOKE-2.
        Assert.StartsWith("[ service dhcp-server ]\nSubnet ID for subnet \"192.0.2.0/25\" is not unique\n", console.Run("commit"), StringComparison.Ordinal);
    }

    [Fact]
    public void Circinus_static_mapping_names_are_hostnames()
    {
        using var router = new SimulatedRouterState(Router);
        var console = router.Open(VyosRelease.V1_5);
        console.Run("configure");

        // circinus service_dhcp-server.xml.in: <validator name="fqdn"/>, "Invalid static mapping hostname".
        Assert.Equal(
            "\n  Invalid static mapping hostname\n  Value validation failed\n  Set failed\n\n",
            console.Run(Pool + "static-mapping vm_01 mac 00:50:00:00:00:10"));
        Assert.Equal(string.Empty, console.Run(Pool + "static-mapping vm-01 mac 00:50:00:00:00:10"));
    }

    [Theory]
    [InlineData("1.3", "[ service dhcp-server ]\nConfigured static lease address for mapping \"vm1\" is not within shared-\nnetwork \"LAN, 192.0.2.0/25\"!\n\n[[service dhcp-server]] failed\nCommit failed\n")]
    [InlineData("1.4", "\nConfigured static lease address for mapping \"vm1\" is not within shared-\nnetwork \"LAN, 192.0.2.0/25\"!\n\n[[service dhcp-server]] failed\nCommit failed\n")]
    public void A_static_mapping_outside_its_subnet_is_refused(string version, string expected)
    {
        using var router = new SimulatedRouterState(Router);
        var console = router.Open(VyosRelease.Parse(version));
        const string Lan = "set service dhcp-server shared-network-name LAN subnet 192.0.2.0/25 ";
        console.RunAll("configure", Lan + "default-router 192.0.2.1", Lan + "static-mapping vm1 mac-address 00:50:00:00:00:10", Lan + "static-mapping vm1 ip-address 192.0.2.200");

        Assert.Equal(expected, console.Run("commit"));
        Assert.Equal(Router, router.ActiveConfig);
    }

    [Fact]
    public void A_subnet_no_interface_is_in_is_refused()
    {
        using var router = new SimulatedRouterState();
        var console = router.Open(VyosRelease.V1_4);
        console.RunAll("configure", Pool + "range 0 start 192.0.2.10", Pool + "range 0 stop 192.0.2.20");

        Assert.Equal(
            "\nNone of the configured subnets have an appropriate primary IP address on\nany broadcast interface configured, nor was there an explicit listen-\naddress configured for serving DHCP relay packets!\n\n[[service dhcp-server]] failed\nCommit failed\n",
            console.Run("commit"));
    }
}
