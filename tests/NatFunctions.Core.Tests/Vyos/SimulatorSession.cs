using NatFunctions.Core.Vyos;
using NatFunctions.VyosSimulator;
using NatFunctions.VyosSimulator.State;

namespace NatFunctions.Core.Tests.Vyos;

/// <summary>
/// The VyOS simulator's CLI session run in process on a state folder of its own: commands go through the
/// simulator's shell-word splitting and schema exactly as they do over SSH. The simulator shares no code with the
/// product (decision 0018): the product's version is handed over by its name, and the product's parser reads back
/// what the simulator prints.
/// </summary>
internal sealed class SimulatorSession : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("nf-sim-property-").FullName;
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private readonly CliSession session;

    public SimulatorSession(VyosVersion version)
    {
        new StateDirectory(directory).Initialize(string.Empty);
        session = new CliSession(
            new ShellOptions { StateDirectory = directory, Version = VyosRelease.Parse(version.ToString()), UserName = "vyos", HostName = "sim" },
            new StateDirectory(directory),
            output,
            error,
            TerminalInput.FromAnswers([]),
            TimeProvider.System);
        Run("configure");
    }

    /// <summary>Runs one line; returns what the simulator printed for it (empty when it accepted it silently).</summary>
    public string Run(string line)
    {
        var outputBefore = output.GetStringBuilder().Length;
        var errorBefore = error.GetStringBuilder().Length;
        session.Execute(line, CancellationToken.None);
        return output.GetStringBuilder().ToString(outputBefore, output.GetStringBuilder().Length - outputBefore)
            + error.GetStringBuilder().ToString(errorBefore, error.GetStringBuilder().Length - errorBefore);
    }

    /// <summary>The session's working configuration as <c>show</c> prints it, read back into a tree.</summary>
    public ConfigTree WorkingConfiguration() => ConfigCommandsParser.Parse(Run("show"));

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
