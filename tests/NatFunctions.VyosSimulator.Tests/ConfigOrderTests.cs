namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// Printing in VyOS order: vyatta-cfg cstore.cpp sorts sibling nodes and tag values with SORT_DEB_VERSION
/// (libapt-pkg version compare), multi values keep their set order; an init config prints back verbatim until a
/// commit, then sorted. Real configs from tests/NatFunctions.IntegrationTests/Faults/RealConfigs stay as they are.
/// </summary>
public sealed class ConfigOrderTests
{
    [Fact]
    public void Rule_numbers_sort_numerically_and_names_as_debian_versions()
    {
        var sorted = new[] { "100", "20", "9", "eth10", "eth2", "dhcp-server", "dhcpv6-server", "dns" }.Order(Config.VyosNameOrder.Instance);

        Assert.Equal(["9", "20", "100", "dhcp-server", "dhcpv6-server", "dns", "eth2", "eth10"], sorted);
    }

    [Fact]
    public void After_a_commit_the_whole_config_prints_in_vyos_order_with_multi_values_in_set_order()
    {
        using var router = new SimulatedRouterState("set system host-name 'vyos'\nset nat destination rule 100 translation address '10.0.0.100'\nset interfaces ethernet eth0 address '192.0.2.1/24'\nset nat destination rule 20 translation address '10.0.0.20'\n");
        var console = router.Open(VyosRelease.V1_4);
        console.RunAll("configure", "set system name-server 192.0.2.53", "set system name-server 192.0.2.10", "commit");

        Assert.Equal(
            "set interfaces ethernet eth0 address '192.0.2.1/24'\n"
            + "set nat destination rule 20 translation address '10.0.0.20'\n"
            + "set nat destination rule 100 translation address '10.0.0.100'\n"
            + "set system host-name 'vyos'\n"
            + "set system name-server '192.0.2.53'\n"
            + "set system name-server '192.0.2.10'\n",
            router.ActiveConfig);
    }

    public static TheoryData<string> RealConfigs() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "RealConfigs"), "*.txt").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(RealConfigs))]
    public void A_real_config_prints_back_exactly_after_init_and_in_vyos_order_after_a_commit(string file)
    {
        var text = string.Concat(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "RealConfigs", file)).Where(line => line.Length > 0).Select(line => line + "\n"));
        using var router = new SimulatedRouterState(text);
        var console = router.Open(VyosRelease.V1_4);

        Assert.Equal(text, console.Run("show configuration commands"));

        console.RunAll("configure", "set system time-zone 'Europe/Zurich'", "commit");
        var withZone = Config.ConfigCommandsReader.Read(text);
        withZone.Set(["system", "time-zone"], "Europe/Zurich", Config.ValueMode.Replace);
        Assert.Equal(Config.ConfigCommandsPrinter.Print(withZone), router.ActiveConfig);
    }

    [Theory]
    [MemberData(nameof(RealConfigs))]
    public void The_real_configs_are_in_vyos_order_as_show_configuration_commands_prints_them(string file)
    {
        var text = string.Concat(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "RealConfigs", file)).Where(line => line.Length > 0).Select(line => line + "\n"));

        Assert.Equal(text, Config.ConfigCommandsPrinter.Print(Config.ConfigCommandsReader.Read(text)));
    }
}
