using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Views;

/// <summary>
/// One host for the router view, audit and idempotency tests. The simulated router <c>local</c> starts with rules
/// someone else put there (one inside the managed range, one outside) and a foreign DHCP mapping; a second router
/// <c>down</c> points at a closed port, so its reads fail fast. Pools exist for <c>local</c>.
/// </summary>
public sealed class ViewsLocalHostFixture : LocalHostFixture, IAsyncLifetime
{
    public const string SharedNetwork = "LAN";
    public const string Subnet = "192.168.64.0/24";
    public const int ForeignRuleInRange = 10500;
    public const int ForeignRuleOutsideRange = 100;

    // The LAN interface address is what lets VyOS serve DHCP on the subnet at all: without a primary address inside a
    // configured subnet, sagitta:src/conf_mode/service_dhcp-server.py verify() refuses every commit that touches
    // dhcp-server ("None of the configured subnets have an appropriate primary IP address …").
    private const string InitialConfiguration = """
        set interfaces ethernet eth1 address '192.168.64.1/24'
        set nat destination rule 100 description 'jump host'
        set nat destination rule 100 destination port '2222'
        set nat destination rule 100 inbound-interface name 'eth0'
        set nat destination rule 100 protocol 'tcp'
        set nat destination rule 100 translation address '192.168.64.3'
        set nat destination rule 10500 description 'legacy web'
        set nat destination rule 10500 destination port '8080'
        set nat destination rule 10500 inbound-interface name 'eth0'
        set nat destination rule 10500 protocol 'tcp'
        set nat destination rule 10500 translation address '192.168.64.5'
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer ip-address '192.168.64.7'
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer mac-address 'aa:bb:cc:00:00:07'

        """;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await CreateAsync("/v1/admin/ip-pools", new { name = "lan", router = "local", cidr = Subnet, range_start = "192.168.64.10", range_end = "192.168.64.250" });
        await CreateAsync("/v1/admin/port-pools", new { name = "ext", router = "local", start_port = 32000, end_port = 33999 });
    }

    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        var stateDirectory = Path.Combine(ScratchDirectory, "router-local");
        Directory.CreateDirectory(stateDirectory);
        var text = InitialConfiguration.Replace("\r\n", "\n", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(stateDirectory, "active.config"), text);
        File.WriteAllText(Path.Combine(stateDirectory, "saved.config"), text);

        environment["Routers__local__DhcpSharedNetwork"] = SharedNetwork;
        environment["Routers__local__DhcpSubnet"] = Subnet;
        environment["Routers__down__Transport"] = "ssh";
        environment["Routers__down__Host"] = "127.0.0.1";
        environment["Routers__down__Port"] = "1";
        environment["Routers__down__Username"] = "vyos";
        environment["Routers__down__Password"] = "not-a-real-password";
        environment["Routers__down__HostKeySha256"] = new string('A', 43);
        environment["Routers__down__ConnectTimeoutSeconds"] = "3";
    }

    private async Task CreateAsync(string path, object body)
    {
        using var response = await AdminClient.PostJsonAsync(path, body);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException(
                $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}{Environment.NewLine}Host output:{Environment.NewLine}{Host.Output}");
        }
    }
}
