namespace NatFunctions.VyosSimulator.Tests;

/// <summary>A simulated router: a fresh state directory initialised with a configuration.</summary>
internal sealed class SimulatorRouter : IDisposable
{
    private SimulatorRouter(string stateDirectory, string version)
    {
        StateDirectory = stateDirectory;
        Version = version;
    }

    public string StateDirectory { get; }

    public string Version { get; }

    public static async Task<SimulatorRouter> CreateAsync(string config, string version, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vyos-sim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var configFile = Path.Combine(directory, "initial.config");
        await File.WriteAllTextAsync(configFile, config, cancellationToken);

        var stateDirectory = Path.Combine(directory, "state");
        var result = await SimulatorProcess.RunAsync(string.Empty, cancellationToken, "init", "--state-dir", stateDirectory, "--config", configFile);
        if (result.ExitCode != 0) throw new InvalidOperationException("init failed: " + result.Stderr);
        return new SimulatorRouter(stateDirectory, version);
    }

    public string[] ShellArguments(params string[] extra) => ["shell", "--state-dir", StateDirectory, "--version", Version, "--hostname", "r1", .. extra];

    public SimulatorProcess StartShell(params string[] extra) => SimulatorProcess.Start(ShellArguments(extra));

    /// <summary>Runs a whole interactive session with <paramref name="lines"/> as input.</summary>
    public Task<SimulatorResult> RunSessionAsync(IEnumerable<string> lines, CancellationToken cancellationToken, params string[] extra) =>
        SimulatorProcess.RunAsync(string.Concat(lines.Select(line => line + "\n")), cancellationToken, ShellArguments(extra));

    /// <summary>A non-interactive vbash knows VyOS commands only after script-template, and op commands only through <c>run</c>.</summary>
    public const string ScriptShowConfigurationCommands = "source /opt/vyatta/etc/functions/script-template\nrun show configuration commands";

    public async Task<string> ShowConfigurationCommandsAsync(CancellationToken cancellationToken)
    {
        var result = await SimulatorProcess.RunAsync(string.Empty, cancellationToken, ShellArguments("-c", ScriptShowConfigurationCommands));
        Assert.Equal(0, result.ExitCode);
        return result.Stdout;
    }

    public void Dispose()
    {
        var root = Directory.GetParent(StateDirectory)!.FullName;
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
