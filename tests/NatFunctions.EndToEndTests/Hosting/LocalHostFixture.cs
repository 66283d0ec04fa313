using System.Text.Json;

namespace NatFunctions.EndToEndTests.Hosting;

/// <summary>
/// One LocalHost + worker per test class (IClassFixture). Derive and override <see cref="ConfigureEnvironment"/>
/// to give the app settings a class needs; <see cref="ScratchDirectory"/> is a fresh folder (deleted afterwards)
/// for database files and the like.
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    private LocalHostProcess? host;
    private HttpClient? client;
    private HttpClient? adminClient;

    public string ScratchDirectory { get; } = Directory.CreateTempSubdirectory("natfunctions-e2e-").FullName;

    public LocalHostProcess Host => host ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>An anonymous client.</summary>
    public HttpClient Client => client ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>A client that sends the bootstrap admin key.</summary>
    public HttpClient AdminClient => adminClient ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>Like every client here, it fails the call when an answer breaks docs/openapi.json (<see cref="ApiClients"/>).</summary>
    public HttpClient ClientWithKey(string apiKey) => ApiClients.Create(Host.BaseAddress, apiKey);

    public virtual async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // Isolated from the developer's own local data: a database and a simulated router of this fixture's own.
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(ScratchDirectory, "natfunctions.db")}",
            ["Routers__local__Transport"] = "simulated",
            ["Routers__local__StateDir"] = Path.Combine(ScratchDirectory, "router-local"),
            ["Auth__BootstrapAdminKey"] = TestKeys.BootstrapAdmin,
        };
        ConfigureEnvironment(environment);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        ConfigureLocalSettings(values);
        var localSettings = Path.Combine(ScratchDirectory, "local.settings.json");
        await File.WriteAllTextAsync(localSettings, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        host = await LocalHostProcess.StartAsync(environment, localSettings, LocalHostProcess.DefaultReadyTimeout, CancellationToken.None);
        client = ApiClients.Create(host.BaseAddress, timeout: TimeSpan.FromSeconds(30));
        adminClient = ClientWithKey(TestKeys.BootstrapAdmin);
    }

    public virtual async Task DisposeAsync()
    {
        client?.Dispose();
        adminClient?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        Directory.Delete(ScratchDirectory, recursive: true);
    }

    /// <summary>App settings as environment variables (`A__B` for `A:B`); a null value removes an inherited one.</summary>
    protected virtual void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
    }

    /// <summary>App settings written to the fixture's local.settings.json <c>Values</c>; the environment wins over them.</summary>
    protected virtual void ConfigureLocalSettings(IDictionary<string, string> values)
    {
    }
}
