using NatFunctions.VyosSimulator;

namespace NatFunctions.VyosSimulator.Tests;

/// <summary>One interactive simulator session; <see cref="Run"/> returns what a command printed (stdout then stderr).</summary>
internal sealed class SimulatorConsole
{
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();
    private readonly CliSession session;

    public SimulatorConsole(Func<(TextWriter Out, TextWriter Error), CliSession> create)
    {
        session = create((output, error));
    }

    public bool Ended { get; private set; }

    public string Run(string line)
    {
        var outputBefore = output.GetStringBuilder().Length;
        var errorBefore = error.GetStringBuilder().Length;
        Ended = !session.Execute(line, CancellationToken.None);
        return output.GetStringBuilder().ToString(outputBefore, output.GetStringBuilder().Length - outputBefore)
            + error.GetStringBuilder().ToString(errorBefore, error.GetStringBuilder().Length - errorBefore);
    }

    /// <summary>Runs each line and returns the output of the last.</summary>
    public string RunAll(params string[] lines)
    {
        var last = string.Empty;
        foreach (var line in lines) last = Run(line);
        return last;
    }
}
