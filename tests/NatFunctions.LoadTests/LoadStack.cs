using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace NatFunctions.LoadTests;

/// <summary>
/// One LocalHost + worker with a fresh SQLite database in its own temp folder, configured with one SSH router
/// (<see cref="RouterName"/>) and the pools the scenarios allocate from, created through the API.
/// </summary>
internal sealed class LoadStack : IAsyncDisposable
{
    public const string RouterName = "edge";
    public const string IpPoolName = "lan";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);

    private readonly string scratch;
    private readonly LocalHostProcess host;
    private readonly IReadOnlyDictionary<string, string?> environment;

    private LoadStack(string scratch, LocalHostProcess host, IReadOnlyDictionary<string, string?> environment)
    {
        this.scratch = scratch;
        this.host = host;
        this.environment = environment;
        Client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromHours(1),
        };
        Client.DefaultRequestHeaders.Add("X-API-Key", AdminKey.Value);
    }

    public HttpClient Client { get; }

    public string DatabasePath => Path.Combine(scratch, "natfunctions.db");

    public string RecentOutput => host.Output;

    /// <summary>The worker: LocalHost's child process running NatFunctions.dll.</summary>
    public ProcessCpuClock Worker => ProcessCpuClock.ChildOf(host.ProcessId, "NatFunctions.dll");

    /// <summary>The simulated router (the VyOS simulator as a process on demand): for scenarios that never reach it.</summary>
    public static IReadOnlyDictionary<string, string> SimulatedRouterEnvironment(string stateDirectory) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [$"Routers__{RouterName}__Transport"] = "simulated",
        [$"Routers__{RouterName}__StateDir"] = stateDirectory,
    };

    /// <param name="routerEnvironment">The settings of router <see cref="RouterName"/>: an sshd-backed simulator's, or <see cref="SimulatedRouterEnvironment"/>.</param>
    /// <param name="extraSettings">More app settings, e.g. log levels.</param>
    public static async Task<LoadStack> StartAsync(
        IReadOnlyDictionary<string, string> routerEnvironment, IReadOnlyDictionary<string, string> extraSettings, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("nf-load-").FullName;
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(scratch, "natfunctions.db")}",
            ["Auth__BootstrapAdminKey"] = AdminKey.Value,
            // Every caller waits for the commit that carries its change (no 202 cut-off), so the latency is the time to
            // an applied change.
            ["Apply__WaitSeconds"] = "3600",
            ["Apply__LeaseWaitSeconds"] = "3600",
            // 5,000 VMs x 3 forwards need more rule numbers than the default 10000-19999.
            [$"Routers__{RouterName}__ManagedRules"] = "10000-59999",
        };
        foreach (var (name, value) in routerEnvironment.Concat(extraSettings))
        {
            environment[name] = value;
        }

        LocalHostProcess? host = null;
        try
        {
            var localSettings = Path.Combine(scratch, "local.settings.json");
            await File.WriteAllTextAsync(localSettings, """{ "IsEncrypted": false, "Values": {} }""", cancellationToken);
            // Under load the host prints a lot: only the last lines are kept, for error messages.
            host = await LocalHostProcess.StartAsync(environment, localSettings, ReadyTimeout, cancellationToken, keptLines: 200);
            var stack = new LoadStack(scratch, host, environment);
            await stack.CreateAsync("/v1/admin/ip-pools", new { name = IpPoolName, router = RouterName, cidr = "10.64.0.0/16", range_start = "10.64.0.10", range_end = "10.64.250.250" }, cancellationToken);
            await stack.CreateAsync("/v1/admin/port-pools", new { name = "ext", router = RouterName, start_port = 2000, end_port = 65000 }, cancellationToken);
            return stack;
        }
        catch
        {
            if (host is not null) await host.DisposeAsync();
            Directory.Delete(scratch, recursive: true);
            throw;
        }
    }

    /// <summary>The read floor (tests/NatFunctions.ReadFloor) on this stack's database and settings; the caller disposes it.</summary>
    public Task<LocalHostProcess> StartReadFloorAsync(CancellationToken cancellationToken) =>
        LocalHostProcess.StartReadFloorAsync(environment, scratch, ReadyTimeout, cancellationToken, keptLines: 200);

    /// <summary>Configure sessions the router accepted, from the audit table (one per commit).</summary>
    public async Task<int> CountCommitsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM RouterChanges WHERE Result = 'Committed'";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(scratch, recursive: true);
    }

    private async Task CreateAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await Client.PostAsJsonAsync(path, body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Setting up {path} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
