using NatFunctions.Core.Vyos;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Provisioning;

/// <summary>
/// The production shape on this machine: the router is the simulator behind a real OpenSSH server, reached by the
/// product's SSH.NET driver with a pinned host key, and router leases are Azure Blob leases on a real Azurite.
/// </summary>
public sealed class SshAzuriteProvisioningFixture : ProvisioningFixture
{
    private readonly SimulatedVyosSshServer sshServer = new();
    private AzuriteProcess? azurite;

    public override SimulatedRouter Router => new(sshServer.StateDir);

    public override async Task InitializeAsync()
    {
        await sshServer.InitializeAsync();
        // The LAN an operator prepares before handing the router over; VyOS refuses static mappings without it.
        await sshServer.StartRouterAsync("1.4", OperatorLanConfig.For(VyosVersion.V1_4));
        azurite = new AzuriteProcess();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        azurite?.Dispose();
        await sshServer.DisposeAsync();
    }

    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        base.ConfigureEnvironment(environment);
        environment["Routers__local__StateDir"] = null;
        foreach (var (name, value) in sshServer.RouterEnvironment("local"))
        {
            environment[name] = value;
        }

        environment["Storage__ConnectionString"] = azurite!.ConnectionString;
        // The burst test expects every answer after its commit; CI runs all test projects at once on 2 cores.
        environment["Apply__WaitSeconds"] = "90";
    }
}
