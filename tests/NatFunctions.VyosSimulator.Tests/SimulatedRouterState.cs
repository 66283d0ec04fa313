using NatFunctions.VyosSimulator;
using NatFunctions.VyosSimulator.State;

namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// One simulated router's state folder, with sessions run in process: interactive ones command by command
/// (<see cref="Open"/>) and non-interactive ones the way sshd starts them (<see cref="RunShell"/>).
/// </summary>
internal sealed class SimulatedRouterState : IDisposable
{
    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("nf-sim-state-").FullName;

    public SimulatedRouterState(string config = "")
    {
        new StateDirectory(directory).Initialize(config);
    }

    /// <summary>How long a commit-confirm reboot keeps this router down.</summary>
    public const int RebootMilliseconds = 30_000;

    public ManualTime Time { get; } = new();

    /// <summary>The state folder (for <c>faults.json</c>).</summary>
    public string Directory => directory;

    public string ActiveConfig => new StateDirectory(directory).Read(CancellationToken.None).ActiveConfig;

    public string SavedConfig => new StateDirectory(directory).Read(CancellationToken.None).SavedConfig;

    /// <summary>An interactive session; <paramref name="answers"/> answer commit-confirm's question in turn.</summary>
    public SimulatorConsole Open(VyosRelease version, params string[] answers)
    {
        return new SimulatorConsole(output => new CliSession(Options(version, null), new StateDirectory(directory), output.Out, output.Error, TerminalInput.FromAnswers(answers), Time));
    }

    /// <summary>sshd's <c>SHELL -c COMMAND</c> with <paramref name="input"/> on stdin: (stdout, stderr, exit code).</summary>
    public (string Output, string Error, int ExitCode) RunShell(VyosRelease version, string command, string input = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = new ShellHost(Options(version, command), new StringReader(input), output, error, Time).Run(CancellationToken.None);
        return (output.ToString(), error.ToString(), exitCode);
    }

    /// <summary>An interactive login shell (no <c>-c</c>) with <paramref name="input"/> typed in: (stdout, stderr, exit code).</summary>
    public (string Output, string Error, int ExitCode) RunInteractive(VyosRelease version, string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = new ShellHost(Options(version, null), new StringReader(input), output, error, Time).Run(CancellationToken.None);
        return (output.ToString(), error.ToString(), exitCode);
    }

    public void Dispose() => System.IO.Directory.Delete(directory, recursive: true);

    private ShellOptions Options(VyosRelease version, string? command) =>
        new() { StateDirectory = directory, Version = version, UserName = "vyos", HostName = "vyos", Command = command, RebootMilliseconds = RebootMilliseconds };
}
