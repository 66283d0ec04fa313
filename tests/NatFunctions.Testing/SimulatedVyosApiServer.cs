using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.Testing;

/// <summary>
/// The simulator's <c>api</c> process on a loopback port with a self-signed certificate made by openssl: a VyOS router
/// reached over HTTPS, so the product's <see cref="HttpApiRouterClient"/> runs its real code path (TLS pin, form
/// posts, read-backs). The router's configuration holds the API key, as an operator sets up the API
/// (<c>set service https api keys id nf key …</c>; 1.5 also <c>set service https api rest</c>), after the operator's
/// LAN (<see cref="OperatorLanConfig"/>) unless the caller starts from an empty router. The integration tests use it
/// directly; the load harness adds its cost model (the simulator's <c>--commit-delay-ms</c>/<c>--command-delay-ms</c>
/// as <see cref="ApiServerOptions.ExtraArguments"/>) and a <see cref="DelayingTcpRelay"/> in front of the HTTPS port.
/// </summary>
public sealed class SimulatedVyosApiServer : IAsyncDisposable
{
    public const string ApiKey = "nf-api-key-0123456789abcdef";

    private readonly string root = Path.Combine(Path.GetTempPath(), "nf-api-" + Guid.NewGuid().ToString("N")[..10]);
    private Process? process;
    private DelayingTcpRelay? relay;
    private string[] apiArguments = [];

    private SimulatedVyosApiServer(VyosVersion version) => Version = version;

    public VyosVersion Version { get; }

    public string StateDir => Path.Combine(root, "state");

    /// <summary>Every request that reached the router (<c>api-N TAB POST /endpoint DATA</c>, the simulator's <c>--command-log</c>).</summary>
    public string CommandLogPath => Path.Combine(root, "requests.log");

    /// <summary>The port clients use: the relay's when started with a network round trip, else the API's.</summary>
    public int Port => relay?.Port ?? ApiPort;

    /// <summary>The simulator's own HTTPS port.</summary>
    public int ApiPort { get; private set; }

    public string CertificateSha256 { get; private set; } = string.Empty;

    public static Task<SimulatedVyosApiServer> StartAsync(VyosVersion? version = null, string extraConfig = "") =>
        StartAsync(new ApiServerOptions { Version = version ?? VyosVersion.V1_4, ExtraConfig = extraConfig });

    public static async Task<SimulatedVyosApiServer> StartAsync(ApiServerOptions options, CancellationToken cancellationToken = default)
    {
        var server = new SimulatedVyosApiServer(options.Version);
        try
        {
            await server.StartProcessAsync(options, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public RouterSettings RouterSettings(string name = "edge") => new()
    {
        Name = name,
        Transport = RouterTransport.HttpApi,
        Host = "127.0.0.1",
        Port = Port,
        ApiKey = ApiKey,
        CertificateSha256 = CertificateSha256,
        VyosVersion = Version,
        DhcpSharedNetwork = "LAN",
        DhcpSubnet = "192.168.64.0/24",
        ConnectTimeoutSeconds = 10,
        CommandTimeoutSeconds = 30,
        CommitTimeoutSeconds = 60,
    };

    /// <summary>The router as the worker's app settings describe it (<c>Routers__{name}__…</c>, certificate pinned).</summary>
    public IReadOnlyDictionary<string, string> RouterEnvironment(string name) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [$"Routers__{name}__Transport"] = "http-api",
        [$"Routers__{name}__Host"] = "127.0.0.1",
        [$"Routers__{name}__Port"] = Port.ToString(CultureInfo.InvariantCulture),
        [$"Routers__{name}__ApiKey"] = ApiKey,
        [$"Routers__{name}__CertificateSha256"] = CertificateSha256,
        [$"Routers__{name}__VyosVersion"] = Version.ToString(),
    };

    /// <summary>Simulator faults, re-read before every request's commands.</summary>
    public Task SetFaultsAsync(string json) => File.WriteAllTextAsync(Path.Combine(StateDir, "faults.json"), json);

    /// <summary>The requests that reached the router, as the simulator logged them (<c>POST /endpoint DATA</c>).</summary>
    public string[] Requests() => File.Exists(CommandLogPath) ? File.ReadAllLines(CommandLogPath) : [];

    public int ConfigureRequests() => Requests().Count(line => line.Contains("\tPOST /configure ", StringComparison.Ordinal));

    /// <summary>Where the command log ends now: pass it to <see cref="ReadCommandLogSinceAsync"/> later.</summary>
    public long CommandLogLength() => CommandLogFile.Length(CommandLogPath);

    /// <summary>The whole lines the router logged since <paramref name="offset"/> (from <see cref="CommandLogLength"/>).</summary>
    public Task<IReadOnlyList<string>> ReadCommandLogSinceAsync(long offset, CancellationToken cancellationToken) =>
        CommandLogFile.ReadSinceAsync(CommandLogPath, offset, cancellationToken);

    /// <summary>Stops the API process, as a router that is down or rebooting: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>The API process again, on the same port, certificate and state.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (process is not null) throw new InvalidOperationException("The API is running.");
        return StartApiProcessAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (relay is not null) await relay.DisposeAsync();
        await StopAsync();
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private async Task StartProcessAsync(ApiServerOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        var certificate = Path.Combine(root, "cert.pem");
        var key = Path.Combine(root, "key.pem");
        await ExternalCommand.RunAsync(
            "openssl",
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=vyos"],
            cancellationToken);
        using (var pem = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificate, cancellationToken)))
        {
            CertificateSha256 = Convert.ToHexString(SHA256.HashData(pem.RawData));
        }

        var api = $"set service https api keys id nf key '{ApiKey}'\n" + (Version == VyosVersion.V1_5 ? "set service https api rest\n" : string.Empty);
        var lan = options.OperatorLan ? OperatorLanConfig.For(Version) : string.Empty;
        var configFile = Path.Combine(root, "initial.config");
        await File.WriteAllTextAsync(configFile, lan + api + options.ExtraConfig, cancellationToken);
        var simulator = BuildOutputs.SimulatorAssembly;
        await ExternalCommand.RunAsync(VyosSimulatorLocator.DotnetHost(), [simulator, "init", "--state-dir", StateDir, "--config", configFile], cancellationToken);

        ApiPort = FreePort();
        apiArguments =
        [
            simulator, "api", "--state-dir", StateDir, "--port", ApiPort.ToString(CultureInfo.InvariantCulture),
            "--cert", certificate, "--key", key, "--version", Version.ToString(), "--command-log", CommandLogPath,
            .. options.ExtraArguments,
        ];
        await StartApiProcessAsync(cancellationToken);
        if (options.NetworkRoundTrip > TimeSpan.Zero) relay = new DelayingTcpRelay(ApiPort, options.NetworkRoundTrip / 2);
    }

    private async Task StartApiProcessAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(VyosSimulatorLocator.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in apiArguments) start.ArgumentList.Add(argument);
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator's api");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync(cancellationToken);
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited) throw new InvalidOperationException($"the simulator's api exited with {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, ApiPort, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException("the simulator's api did not listen within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
