using System.Net;
using Microsoft.Data.Sqlite;
using NatFunctions.Core.Vyos;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Provisioning;

/// <summary>
/// Two app instances as Azure runs them when it scales out: two LocalHosts, each with its own real worker process,
/// on one database, one storage account (Azurite blob leases) and one router (the simulator behind sshd). Both
/// instances' sync timers fire every two seconds, so API writes race timer runs on the router lease throughout.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public const string Schedule = "*/2 * * * * *";

    private readonly SimulatedVyosSshServer sshServer = new();
    private readonly string scratchDirectory = Directory.CreateTempSubdirectory("natfunctions-e2e-two-").FullName;
    private AzuriteProcess? azurite;
    private LocalHostProcess? first;
    private LocalHostProcess? second;

    public LocalHostProcess First => first ?? throw new InvalidOperationException("Not started.");

    public LocalHostProcess Second => second ?? throw new InvalidOperationException("Not started.");

    public HttpClient FirstAdmin { get; private set; } = null!;

    public HttpClient SecondAdmin { get; private set; } = null!;

    public SimulatedRouter Router => new(sshServer.StateDir);

    private string DatabasePath => Path.Combine(scratchDirectory, "natfunctions.db");

    public async Task InitializeAsync()
    {
        await sshServer.InitializeAsync();
        // The LAN an operator prepares before handing the router over; VyOS refuses static mappings without it.
        await sshServer.StartRouterAsync("1.4", OperatorLanConfig.For(VyosVersion.V1_4));
        azurite = new AzuriteProcess();
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database__ConnectionString"] = $"Data Source={DatabasePath}",
            ["Auth__BootstrapAdminKey"] = TestKeys.BootstrapAdmin,
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["SyncSchedule"] = Schedule,
            ["Apply__WaitSeconds"] = "90",
            ["Routers__local__DhcpSharedNetwork"] = "LAN",
            ["Routers__local__DhcpSubnet"] = "192.168.64.0/24",
        };
        foreach (var (name, value) in sshServer.RouterEnvironment("local"))
        {
            environment[name] = value;
        }

        var localSettings = Path.Combine(scratchDirectory, "local.settings.json");
        await File.WriteAllTextAsync(localSettings, """{ "IsEncrypted": false, "Values": {} }""");

        // One after the other: the first applies the migrations, the second finds them applied.
        first = await LocalHostProcess.StartAsync(environment, localSettings, LocalHostProcess.DefaultReadyTimeout, CancellationToken.None);
        second = await LocalHostProcess.StartAsync(environment, localSettings, LocalHostProcess.DefaultReadyTimeout, CancellationToken.None);
        FirstAdmin = ApiClients.Create(first.BaseAddress, TestKeys.BootstrapAdmin, TimeSpan.FromSeconds(150));
        SecondAdmin = ApiClients.Create(second.BaseAddress, TestKeys.BootstrapAdmin, TimeSpan.FromSeconds(150));

        await CreateAsync("/v1/admin/ip-pools", new { name = "lan", router = "local", cidr = "192.168.64.0/24", range_start = "192.168.64.10", range_end = "192.168.64.250" });
        await CreateAsync("/v1/admin/port-pools", new { name = "ext", router = "local", start_port = 32000, end_port = 33999 });
    }

    public async Task DisposeAsync()
    {
        FirstAdmin?.Dispose();
        SecondAdmin?.Dispose();
        if (first is not null)
        {
            await first.DisposeAsync();
        }

        if (second is not null)
        {
            await second.DisposeAsync();
        }

        azurite?.Dispose();
        await sshServer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(scratchDirectory, recursive: true);
    }

    /// <summary>Audit rows with this result, counted straight from the database file.</summary>
    public Task<int> CountRouterChangesAsync(string result) => AuditRows.CountRouterChangesAsync(DatabasePath, result);

    private async Task CreateAsync(string path, object body)
    {
        using var response = await FirstAdmin.PostJsonAsync(path, body);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Setting up {path} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
