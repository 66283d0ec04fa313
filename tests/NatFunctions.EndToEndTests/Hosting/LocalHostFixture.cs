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

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        ConfigureEnvironment(environment);
        var localSettings = Path.Combine(ScratchDirectory, "local.settings.json");
        await File.WriteAllTextAsync(localSettings, """{ "IsEncrypted": false, "Values": {} }""");
        host = await LocalHostProcess.StartAsync(environment, localSettings, LocalHostProcess.DefaultReadyTimeout, CancellationToken.None);
        Client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
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
