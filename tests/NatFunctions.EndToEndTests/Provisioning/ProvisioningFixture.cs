using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Provisioning;

/// <summary>A LocalHost whose simulated router serves DHCP on LAN 192.168.64.0/24, with pools ready for VMs.</summary>
public class ProvisioningFixture : LocalHostFixture
{
    public virtual SimulatedRouter Router => new(Path.Combine(ScratchDirectory, "router-local"));

    public string DatabasePath => Path.Combine(ScratchDirectory, "natfunctions.db");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateAsync("/v1/admin/ip-pools", new { name = "lan", router = "local", cidr = "192.168.64.0/24", range_start = "192.168.64.10", range_end = "192.168.64.250" });
        // A one-address pool to run out of on purpose. Every pool of a router that hands out static mappings lies in its
        // DHCP subnet (VyOS refuses a mapping outside it), so "tiny" shares lan's network with a range of its own.
        await CreateAsync("/v1/admin/ip-pools", new { name = "tiny", router = "local", cidr = "192.168.64.0/24", range_start = "192.168.64.9", range_end = "192.168.64.9" });
        // The first router session initialises the simulator's state folder; tests then inspect and fault it.
        var health = await Client.GetAsync("/v1/health");
        if (health.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The router is not healthy: {await health.Content.ReadAsStringAsync()}");
        }

        await CreateAsync("/v1/admin/port-pools", new { name = "ext", router = "local", start_port = 32000, end_port = 33999 });
    }

    /// <summary>Counts audit rows straight from the database file, the way an auditor would.</summary>
    public Task<int> CountRouterChangesAsync(string result) => AuditRows.CountRouterChangesAsync(DatabasePath, result);

    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        environment["Routers__local__DhcpSharedNetwork"] = "LAN";
        environment["Routers__local__DhcpSubnet"] = "192.168.64.0/24";
        // A burst of 100 on a CI machine running every test project at once can take longer than the default 30 s.
        environment["Apply__WaitSeconds"] = "90";
    }

    protected async Task CreateAsync(string path, object body)
    {
        var response = await AdminClient.PostJsonAsync(path, body);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Setting up {path} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
