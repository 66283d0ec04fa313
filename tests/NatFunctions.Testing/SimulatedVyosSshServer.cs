using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;
using Xunit;

namespace NatFunctions.Testing;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 whose test user's login shell is the VyOS simulator, so the product's SSH.NET
/// driver runs its real code path. Runs sshd as root (tests run as root here and in CI) with its own config, host
/// key, authorized key and user; each test gets a fresh router state through <see cref="StartRouterAsync"/>.
/// The integration and end-to-end tests use it as a fixture; the load harness (<c>SshRouterServer</c>) adds its
/// router cost model through <see cref="NetworkRoundTrip"/>, the simulator's delay arguments and the command log.
/// </summary>
public sealed class SimulatedVyosSshServer : IAsyncLifetime, IAsyncDisposable
{
    public const string UserPassword = "nf-test-Passw0rd";
    private const string SshdPath = "/usr/sbin/sshd";

    private readonly string root = Path.Combine(Path.GetTempPath(), "nf-sshd-" + Guid.NewGuid().ToString("N")[..10]);
    private Process? sshd;
    private DelayingTcpRelay? relay;
    private int stateCounter;

    /// <summary>sshd's <c>MaxSessions</c>: channels (shells) per connection it accepts; set before <see cref="InitializeAsync"/>.</summary>
    public int MaxSessions { get; init; } = 20;

    /// <summary>sshd's <c>MaxStartups</c> (unauthenticated connections at once); null keeps sshd's default (10:30:100).</summary>
    public int? MaxStartups { get; init; }

    /// <summary>
    /// A network round trip between clients and the router: above zero, clients reach sshd through a
    /// <see cref="DelayingTcpRelay"/> that delays each direction by half of it.
    /// </summary>
    public TimeSpan NetworkRoundTrip { get; init; }

    public string UserName { get; } = "nfvy" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The port clients use: the relay's with a <see cref="NetworkRoundTrip"/>, else sshd's.</summary>
    public int Port => relay?.Port ?? SshdPort;

    public int SshdPort { get; private set; }

    public string HostKeySha256 { get; private set; } = string.Empty;

    public string ClientPrivateKey { get; private set; } = string.Empty;

    public string LogPath => Path.Combine(root, "sshd.log");

    /// <summary>State folder of the router the next SSH login will see.</summary>
    public string StateDir { get; private set; } = string.Empty;

    /// <summary>The current router's command log, written when <see cref="StartRouterAsync"/> asked for it.</summary>
    public string CommandLogPath => Path.Combine(StateDir, "commands.log");

    private string SimulatorDll => Path.Combine(root, "simulator", VyosSimulatorLocator.AssemblyFileName);

    private string SessionSettingsPath => Path.Combine(root, "simulator.env");

    public async Task InitializeAsync()
    {
        if (!Environment.UserName.Equals("root", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The sshd tests start sshd and add a user, so they must run as root (as CI does).");
        }

        if (!File.Exists(SshdPath))
        {
            throw new InvalidOperationException("openssh-server is not installed: apt-get install -y --no-install-recommends openssh-server");
        }

        Directory.CreateDirectory(root);
        await ExternalCommand.RunAsync("chmod", ["755", root]);
        CopySimulator();
        await CreateKeysAsync();
        await CreateUserAsync();
        SshdPort = FreePort();
        await WriteConfigAsync();
        Directory.CreateDirectory("/run/sshd");
        await ExternalCommand.RunAsync(SshdPath, ["-t", "-f", Path.Combine(root, "sshd_config")]);
        sshd = Process.Start(new ProcessStartInfo(SshdPath)
        {
            ArgumentList = { "-D", "-f", Path.Combine(root, "sshd_config"), "-E", LogPath },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start sshd");
        await WaitUntilListeningAsync();
        if (NetworkRoundTrip > TimeSpan.Zero)
        {
            relay = new DelayingTcpRelay(SshdPort, NetworkRoundTrip / 2);
        }

        await StartRouterAsync("1.4");
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        if (relay is not null)
        {
            await relay.DisposeAsync();
        }

        if (sshd is { HasExited: false })
        {
            sshd.Kill(entireProcessTree: true);
            await sshd.WaitForExitAsync();
        }

        sshd?.Dispose();
        try
        {
            await ExternalCommand.RunAsync("userdel", ["-f", UserName]);
        }
        catch (InvalidOperationException)
        {
            // A session process may still be ending; the user is unique per run, so a leftover harms nothing.
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// A new, empty (or <paramref name="initialConfig"/>-loaded) router for the next logins, with extra simulator
    /// arguments for fault injection or a cost model (e.g. <c>--commit-delay-ms 5000</c>); with
    /// <paramref name="logCommands"/> every session appends its commands to <see cref="CommandLogPath"/>.
    /// </summary>
    public async Task StartRouterAsync(
        string vyosVersion, string? initialConfig = null, string extraArguments = "", bool logCommands = false,
        CancellationToken cancellationToken = default)
    {
        StateDir = Path.Combine(root, $"state-{Interlocked.Increment(ref stateCounter)}");
        Directory.CreateDirectory(StateDir);
        var configFile = Path.Combine(root, "initial.config");
        await File.WriteAllTextAsync(configFile, initialConfig ?? string.Empty, cancellationToken);
        await ExternalCommand.RunAsync(VyosSimulatorLocator.DotnetHost(), [SimulatorDll, "init", "--state-dir", StateDir, "--config", configFile], cancellationToken);

        await ExternalCommand.RunAsync("chown", ["-R", UserName, StateDir], cancellationToken);
        var arguments = logCommands ? $"{extraArguments} --command-log {CommandLogPath}".Trim() : extraArguments;
        await File.WriteAllTextAsync(
            SessionSettingsPath,
            $"STATE_DIR='{StateDir}'\nVYOS_VERSION='{vyosVersion}'\nEXTRA_ARGS='{arguments}'\n",
            cancellationToken);
    }

    /// <summary>Where the current router's command log ends now: pass it to <see cref="ReadCommandLogSinceAsync"/> later.</summary>
    public long CommandLogLength() => CommandLogFile.Length(CommandLogPath);

    /// <summary>The command log lines the current router's sessions wrote since <paramref name="offset"/> (from <see cref="CommandLogLength"/>).</summary>
    public Task<IReadOnlyList<string>> ReadCommandLogSinceAsync(long offset, CancellationToken cancellationToken) =>
        CommandLogFile.ReadSinceAsync(CommandLogPath, offset, cancellationToken);

    /// <summary>Simulator faults for the current router, re-read by the simulator before every command.</summary>
    public Task SetFaultsAsync(string json) => File.WriteAllTextAsync(Path.Combine(StateDir, "faults.json"), json);

    public RouterSettings RouterSettings(string name = "edge") => new()
    {
        Name = name,
        Transport = RouterTransport.Ssh,
        Host = "127.0.0.1",
        Port = Port,
        Username = UserName,
        PrivateKey = ClientPrivateKey,
        HostKeySha256 = HostKeySha256,
        ConnectTimeoutSeconds = 10,
        CommandTimeoutSeconds = 30,
    };

    /// <summary>The router as the worker's app settings describe it (<c>Routers__{name}__…</c>, host key pinned).</summary>
    public IReadOnlyDictionary<string, string> RouterEnvironment(string name) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [$"Routers__{name}__Transport"] = "ssh",
        [$"Routers__{name}__Host"] = "127.0.0.1",
        [$"Routers__{name}__Port"] = Port.ToString(CultureInfo.InvariantCulture),
        [$"Routers__{name}__Username"] = UserName,
        [$"Routers__{name}__PrivateKey"] = ClientPrivateKey,
        [$"Routers__{name}__HostKeySha256"] = HostKeySha256,
    };

    /// <summary>
    /// Cuts every open SSH connection from the server side, as a router reboot or a firewall timeout would, by
    /// killing the per-connection children of the sshd this fixture started.
    /// </summary>
    public async Task DropConnectionsAsync()
    {
        foreach (var child in ChildProcessIds(sshd!.Id))
        {
            await ExternalCommand.RunAsync("kill", ["-9", child.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    private static IEnumerable<int> ChildProcessIds(int parent)
    {
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")).Where(File.Exists))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue;
            }

            // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
            {
                yield return int.Parse(text[..text.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>How many SSH logins sshd accepted so far (one per TCP connection).</summary>
    public int AcceptedLogins() =>
        File.ReadAllLines(LogPath).Count(line => line.Contains($"Accepted ", StringComparison.Ordinal) && line.Contains($" for {UserName} ", StringComparison.Ordinal));

    private void CopySimulator()
    {
        // sshd runs the simulator as the unprivileged test user, who may not be able to read the build folder.
        var source = Path.GetDirectoryName(BuildOutputs.SimulatorAssembly)!;
        var target = Path.Combine(root, "simulator");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private async Task CreateKeysAsync()
    {
        var hostKey = Path.Combine(root, "ssh_host_ed25519_key");
        var clientKey = Path.Combine(root, "client_ed25519");
        await ExternalCommand.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "nf-test-host", "-f", hostKey]);
        await ExternalCommand.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "nf-test-client", "-f", clientKey]);
        HostKeySha256 = FingerprintOf(await File.ReadAllTextAsync(hostKey + ".pub"));
        ClientPrivateKey = await File.ReadAllTextAsync(clientKey);
        File.Copy(clientKey + ".pub", Path.Combine(root, "authorized_keys"));
    }

    /// <summary>The SHA-256 fingerprint as <c>ssh-keygen -lf</c> prints it, without <c>SHA256:</c>.</summary>
    public static string FingerprintOf(string publicKeyLine)
    {
        var blob = Convert.FromBase64String(publicKeyLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
    }

    private async Task CreateUserAsync()
    {
        var home = Path.Combine(root, "home");
        Directory.CreateDirectory(home);
        var shell = Path.Combine(root, "vyos-login-shell");
        // sshd starts the login shell with no arguments for an interactive session and with "-c COMMAND" for exec.
        await File.WriteAllTextAsync(shell, $"""
            #!/bin/sh
            . '{SessionSettingsPath}'
            export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
            exec '{VyosSimulatorLocator.DotnetHost()}' '{SimulatorDll}' shell --state-dir "$STATE_DIR" --version "$VYOS_VERSION" $EXTRA_ARGS "$@"

            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        await ExternalCommand.RunAsync("chmod", ["755", shell]);
        await ExternalCommand.RunAsync("useradd", ["-M", "-d", home, "-s", shell, UserName]);
        await ExternalCommand.RunAsync("usermod", ["-p", "*", UserName]);
        await ExternalCommand.RunAsync("chpasswd", [], $"{UserName}:{UserPassword}\n");
        await ExternalCommand.RunAsync("chown", [UserName, home]);
    }

    private Task WriteConfigAsync() => File.WriteAllTextAsync(Path.Combine(root, "sshd_config"), $"""
        Port {SshdPort}
        ListenAddress 127.0.0.1
        HostKey {Path.Combine(root, "ssh_host_ed25519_key")}
        PidFile {Path.Combine(root, "sshd.pid")}
        AuthorizedKeysFile {Path.Combine(root, "authorized_keys")}
        StrictModes no
        UsePAM no
        PubkeyAuthentication yes
        PasswordAuthentication yes
        KbdInteractiveAuthentication no
        AllowUsers {UserName}
        PrintMotd no
        PrintLastLog no
        LogLevel VERBOSE
        MaxSessions {MaxSessions}
        {(MaxStartups is { } startups ? $"MaxStartups {startups}" : string.Empty)}

        """);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (sshd!.HasExited)
            {
                throw new InvalidOperationException($"sshd exited with {sshd.ExitCode}: {await File.ReadAllTextAsync(LogPath)}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, SshdPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"sshd did not listen on 127.0.0.1:{SshdPort}");
    }
}
