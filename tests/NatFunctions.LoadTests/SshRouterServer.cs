using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.LoadTests;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 whose one user's login shell is the VyOS simulator with the
/// <see cref="RouterCostModel"/>'s commit and command delays, so the worker's SSH driver runs exactly as against a
/// router; with a round trip in the model, clients reach it through a <see cref="DelayingTcpRelay"/>. Every session
/// logs its commands (<see cref="ReadWorkSinceAsync"/>). Needs root (sshd with its own config, a throwaway user).
/// <see cref="ResetRouterAsync"/> gives the next logins a fresh, empty router.
/// </summary>
internal sealed class SshRouterServer : IAsyncDisposable
{
    private const string SshdPath = "/usr/sbin/sshd";

    private readonly string root = Path.Combine(Path.GetTempPath(), "nf-load-sshd-" + Guid.NewGuid().ToString("N")[..10]);
    private Process? sshd;
    private DelayingTcpRelay? relay;
    private int stateCounter;

    private SshRouterServer(RouterCostModel model) => Model = model;

    public RouterCostModel Model { get; }

    public string UserName { get; } = "nfld" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The port clients use: the relay's when the model has a round trip, else sshd's.</summary>
    public int Port => relay?.Port ?? SshdPort;

    public int SshdPort { get; private set; }

    public string HostKeySha256 { get; private set; } = string.Empty;

    public string ClientPrivateKey { get; private set; } = string.Empty;

    public string StateDirectory { get; private set; } = string.Empty;

    private string SimulatorAssembly => Path.Combine(root, "simulator", VyosSimulatorLocator.AssemblyFileName);

    private string SessionSettingsPath => Path.Combine(root, "simulator.env");

    private string CommandLogPath => Path.Combine(StateDirectory, "commands.log");

    public static async Task<SshRouterServer> StartAsync(RouterCostModel model, CancellationToken cancellationToken)
    {
        if (!Environment.UserName.Equals("root", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The harness starts sshd and adds a user, so it must run as root.");
        }

        if (!File.Exists(SshdPath))
        {
            throw new InvalidOperationException("openssh-server is not installed: apt-get install -y --no-install-recommends openssh-server");
        }

        var server = new SshRouterServer(model);
        try
        {
            await server.InitializeAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The router as the worker's settings describe it (host key pinned).</summary>
    public IReadOnlyDictionary<string, string> RouterEnvironment(string name) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [$"Routers__{name}__Transport"] = "ssh",
        [$"Routers__{name}__Host"] = "127.0.0.1",
        [$"Routers__{name}__Port"] = Port.ToString(CultureInfo.InvariantCulture),
        [$"Routers__{name}__Username"] = UserName,
        [$"Routers__{name}__PrivateKey"] = ClientPrivateKey,
        [$"Routers__{name}__HostKeySha256"] = HostKeySha256,
    };

    public RouterSettings RouterSettings(string name) => new()
    {
        Name = name,
        Transport = RouterTransport.Ssh,
        Host = "127.0.0.1",
        Port = Port,
        Username = UserName,
        PrivateKey = ClientPrivateKey,
        HostKeySha256 = HostKeySha256,
    };

    /// <summary>A new, empty router state for the next logins.</summary>
    public async Task ResetRouterAsync(CancellationToken cancellationToken)
    {
        StateDirectory = Path.Combine(root, $"state-{Interlocked.Increment(ref stateCounter)}");
        Directory.CreateDirectory(StateDirectory);
        var emptyConfig = Path.Combine(root, "initial.config");
        await File.WriteAllTextAsync(emptyConfig, string.Empty, cancellationToken);
        await ExternalCommand.RunAsync(VyosSimulatorLocator.DotnetHost(), [SimulatorAssembly, "init", "--state-dir", StateDirectory, "--config", emptyConfig], cancellationToken);
        await ExternalCommand.RunAsync("chown", ["-R", UserName, StateDirectory], cancellationToken);
        await File.WriteAllTextAsync(
            SessionSettingsPath,
            string.Create(CultureInfo.InvariantCulture,
                $"STATE_DIR='{StateDirectory}'\nEXTRA_ARGS='--commit-delay-ms {Model.CommitDelayMs} --command-delay-ms {Model.CommandDelayMs} --command-log {CommandLogPath}'\n"),
            cancellationToken);
    }

    /// <summary>Where the current router's command log ends now: pass it to <see cref="ReadWorkSinceAsync"/> later.</summary>
    public long CommandLogLength() => File.Exists(CommandLogPath) ? new FileInfo(CommandLogPath).Length : 0;

    /// <summary>What the current router's sessions ran since <paramref name="offset"/> (from <see cref="CommandLogLength"/>).</summary>
    public async Task<RouterWork> ReadWorkSinceAsync(long offset, CancellationToken cancellationToken)
    {
        if (!File.Exists(CommandLogPath)) return RouterWork.FromLogLines([]);
        await using var log = new FileStream(CommandLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        log.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(log);
        var text = await reader.ReadToEndAsync(cancellationToken);
        // A session may be writing its last line right now: only whole lines count.
        var whole = text[..(text.LastIndexOf('\n') + 1)];
        return RouterWork.FromLogLines(whole.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public async ValueTask DisposeAsync()
    {
        if (relay is not null) await relay.DisposeAsync();
        if (sshd is { HasExited: false })
        {
            sshd.Kill(entireProcessTree: true);
            await sshd.WaitForExitAsync();
        }

        sshd?.Dispose();
        try
        {
            await ExternalCommand.RunAsync("userdel", ["-f", UserName], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Never created, or a session is still ending; the name is unique per run, so a leftover harms nothing.
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(root);
        await ExternalCommand.RunAsync("chmod", ["755", root], cancellationToken);
        CopySimulator();
        await CreateKeysAsync(cancellationToken);
        await CreateUserAsync(cancellationToken);
        SshdPort = FreePort();
        await WriteConfigAsync(cancellationToken);
        Directory.CreateDirectory("/run/sshd");
        var config = Path.Combine(root, "sshd_config");
        await ExternalCommand.RunAsync(SshdPath, ["-t", "-f", config], cancellationToken);
        sshd = Process.Start(new ProcessStartInfo(SshdPath)
        {
            ArgumentList = { "-D", "-f", config, "-E", Path.Combine(root, "sshd.log") },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start sshd");
        await WaitUntilListeningAsync(cancellationToken);
        if (Model.RttMs > 0) relay = new DelayingTcpRelay(SshdPort, TimeSpan.FromMilliseconds(Model.RttMs / 2.0));
        await ResetRouterAsync(cancellationToken);
    }

    private void CopySimulator()
    {
        // sshd runs the simulator as the throwaway user, who may not be able to read the build folder.
        var source = RepositoryLayout.SimulatorDirectory;
        if (!File.Exists(Path.Combine(source, VyosSimulatorLocator.AssemblyFileName)))
        {
            throw new InvalidOperationException($"No simulator build in {source}; build the harness (it builds the simulator).");
        }

        var target = Path.Combine(root, "simulator");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private async Task CreateKeysAsync(CancellationToken cancellationToken)
    {
        var hostKey = Path.Combine(root, "ssh_host_ed25519_key");
        var clientKey = Path.Combine(root, "client_ed25519");
        await ExternalCommand.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "nf-load-host", "-f", hostKey], cancellationToken);
        await ExternalCommand.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "nf-load-client", "-f", clientKey], cancellationToken);
        var publicHostKey = await File.ReadAllTextAsync(hostKey + ".pub", cancellationToken);
        var blob = Convert.FromBase64String(publicHostKey.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        HostKeySha256 = Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
        ClientPrivateKey = await File.ReadAllTextAsync(clientKey, cancellationToken);
        File.Copy(clientKey + ".pub", Path.Combine(root, "authorized_keys"));
    }

    private async Task CreateUserAsync(CancellationToken cancellationToken)
    {
        var home = Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        var shell = Path.Combine(root, "vyos-login-shell");
        await File.WriteAllTextAsync(shell, $"""
            #!/bin/sh
            . '{SessionSettingsPath}'
            export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
            exec '{VyosSimulatorLocator.DotnetHost()}' '{SimulatorAssembly}' shell --state-dir "$STATE_DIR" --version 1.4 $EXTRA_ARGS "$@"

            """.Replace("\r", string.Empty, StringComparison.Ordinal), cancellationToken);
        await ExternalCommand.RunAsync("chmod", ["755", shell], cancellationToken);
        await ExternalCommand.RunAsync("useradd", ["-M", "-d", home, "-s", shell, UserName], cancellationToken);
        await ExternalCommand.RunAsync("usermod", ["-p", "*", UserName], cancellationToken);
        await ExternalCommand.RunAsync("chown", [UserName, home], cancellationToken);
    }

    private Task WriteConfigAsync(CancellationToken cancellationToken) => File.WriteAllTextAsync(Path.Combine(root, "sshd_config"), $"""
        Port {SshdPort}
        ListenAddress 127.0.0.1
        HostKey {Path.Combine(root, "ssh_host_ed25519_key")}
        PidFile {Path.Combine(root, "sshd.pid")}
        AuthorizedKeysFile {Path.Combine(root, "authorized_keys")}
        StrictModes no
        UsePAM no
        PubkeyAuthentication yes
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        AllowUsers {UserName}
        PrintMotd no
        PrintLastLog no
        MaxSessions 50
        MaxStartups 100

        """, cancellationToken);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (sshd!.HasExited)
            {
                throw new InvalidOperationException($"sshd exited with {sshd.ExitCode}: {await File.ReadAllTextAsync(Path.Combine(root, "sshd.log"), cancellationToken)}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, SshdPort, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new InvalidOperationException($"sshd did not listen on 127.0.0.1:{SshdPort}");
    }
}
