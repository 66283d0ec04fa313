using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Sync;

/// <summary>
/// A host whose simulated VyOS 1.5 router <c>local</c> starts from a real-looking data-centre configuration
/// (tests/NatFunctions.IntegrationTests/Faults/RealConfigs/dc-gateway.vyos-1.5.txt, loaded the way
/// <c>vyos-sim init --config FILE</c> loads it), with its own NAT rules inside the managed range.
/// </summary>
public sealed class RealConfigLocalHostFixture : LocalHostFixture, IAsyncLifetime
{
    public const string ConfigFile = "dc-gateway.vyos-1.5.txt";

    public static string ConfigText => File.ReadAllText(
        Path.Combine(BuildOutputs.RepositoryRoot, "tests", "NatFunctions.IntegrationTests", "Faults", "RealConfigs", ConfigFile));

    public string RouterStateDirectory => Path.Combine(ScratchDirectory, "router-local");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await CreateAsync("/v1/admin/ip-pools", new { name = "lan", router = "local", cidr = "192.168.64.0/24", range_start = "192.168.64.10", range_end = "192.168.64.250" });
        await CreateAsync("/v1/admin/port-pools", new { name = "ext", router = "local", start_port = 32000, end_port = 33999 });
    }

    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        Directory.CreateDirectory(RouterStateDirectory);
        var lines = ConfigText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(line => line.Length > 0);
        var text = string.Concat(lines.Select(line => line + "\n"));
        File.WriteAllText(Path.Combine(RouterStateDirectory, "active.config"), text);
        File.WriteAllText(Path.Combine(RouterStateDirectory, "saved.config"), text);
        environment["Routers__local__VyosVersion"] = "1.5";
        environment["Routers__local__DhcpSharedNetwork"] = "LAN";
        environment["Routers__local__DhcpSubnet"] = "192.168.64.0/24";
    }

    private async Task CreateAsync(string path, object body)
    {
        using var response = await AdminClient.PostJsonAsync(path, body);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
