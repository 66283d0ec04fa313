namespace NatFunctions.EndToEndTests.Hosting;

/// <summary>
/// One LocalHost + worker per test class (IClassFixture). Derive and override <see cref="ConfigureEnvironment"/>
/// to give the app settings a class needs; <see cref="ScratchDirectory"/> is a fresh folder (deleted afterwards)
/// for database files and the like.
/// </summary>
public class LocalHostFixture : IAsyncLifetime
{
    private LocalHostProcess? host;

    public string ScratchDirectory { get; } = Directory.CreateTempSubdirectory("natfunctions-e2e-").FullName;

    public LocalHostProcess Host => host ?? throw new InvalidOperationException("The host is not started.");

    public HttpClient Client { get; private set; } = new();

    /// <summary>A client that sends the bootstrap admin key.</summary>
    public HttpClient AdminClient { get; private set; } = new();

    public HttpClient ClientWithKey(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        return client;
    }

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
        var localSettings = Path.Combine(ScratchDirectory, "local.settings.json");
        await File.WriteAllTextAsync(localSettings, """{ "IsEncrypted": false, "Values": {} }""");
        host = await LocalHostProcess.StartAsync(environment, localSettings, LocalHostProcess.DefaultReadyTimeout, CancellationToken.None);
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        AdminClient = ClientWithKey(TestKeys.BootstrapAdmin);
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        AdminClient.Dispose();
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
}
