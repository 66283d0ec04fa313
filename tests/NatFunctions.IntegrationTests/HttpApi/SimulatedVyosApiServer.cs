using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;
using NatFunctions.Infrastructure.Routers;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.HttpApi;

/// <summary>
/// The simulator's <c>api</c> process on a loopback port with a self-signed certificate made by openssl: a VyOS router
/// reached over HTTPS, so the product's <see cref="HttpApiRouterClient"/> runs its real code path (TLS pin, form
/// posts, read-backs). The router's configuration holds the operator's LAN and the API key, as an operator sets up
/// the API (<c>set service https api keys id nf key …</c>; 1.5 also <c>set service https api rest</c>).
/// </summary>
internal sealed class SimulatedVyosApiServer : IAsyncDisposable
{
    public const string ApiKey = "nf-api-key-0123456789abcdef";

    private readonly string root = Path.Combine(Path.GetTempPath(), "nf-api-" + Guid.NewGuid().ToString("N")[..10]);
    private Process? process;

    private SimulatedVyosApiServer(VyosVersion version) => Version = version;

    public VyosVersion Version { get; }

    public string StateDir => Path.Combine(root, "state");

    public string CommandLogPath => Path.Combine(root, "requests.log");

    public int Port { get; private set; }

    public string CertificateSha256 { get; private set; } = string.Empty;

    public static async Task<SimulatedVyosApiServer> StartAsync(VyosVersion? version = null, string extraConfig = "")
    {
        var server = new SimulatedVyosApiServer(version ?? VyosVersion.V1_4);
        await server.StartProcessAsync(extraConfig);
        return server;
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

    /// <summary>Simulator faults, re-read before every request's commands.</summary>
    public Task SetFaultsAsync(string json) => File.WriteAllTextAsync(Path.Combine(StateDir, "faults.json"), json);

    /// <summary>The requests that reached the router, as the simulator logged them (<c>POST /endpoint DATA</c>).</summary>
    public string[] Requests() => File.Exists(CommandLogPath) ? File.ReadAllLines(CommandLogPath) : [];

    public int ConfigureRequests() => Requests().Count(line => line.Contains("\tPOST /configure ", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private async Task StartProcessAsync(string extraConfig)
    {
        Directory.CreateDirectory(root);
        var certificate = Path.Combine(root, "cert.pem");
        var key = Path.Combine(root, "key.pem");
        await ExternalCommand.RunAsync(
            "openssl",
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=vyos"]);
        using (var pem = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificate)))
        {
            CertificateSha256 = Convert.ToHexString(SHA256.HashData(pem.RawData));
        }

        var api = $"set service https api keys id nf key '{ApiKey}'\n" + (Version == VyosVersion.V1_5 ? "set service https api rest\n" : string.Empty);
        await SimulatorInit.RunAsync(StateDir, ApplierRig.LanRouterConfig(Version).TrimEnd('\n') + "\n" + api + extraConfig);

        Port = FreePort();
        var start = new ProcessStartInfo(VyosSimulatorLocator.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     VyosSimulatorLocator.Find(null)!, "api", "--state-dir", StateDir, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--cert", certificate, "--key", key, "--version", Version.ToString(), "--command-log", CommandLogPath,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator's api");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited) throw new InvalidOperationException($"the simulator's api exited with {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
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
