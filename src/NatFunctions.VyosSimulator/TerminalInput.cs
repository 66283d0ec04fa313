namespace NatFunctions.VyosSimulator;

/// <summary>The session's stdin: lines for commands and questions, single keys for 1.3's <c>Proceed? [confirm]</c>.</summary>
internal sealed class TerminalInput(TextReader reader, Func<IDisposable>? enterOneKeyMode = null)
{
    public static TerminalInput FromAnswers(IEnumerable<string> answers) => new(new StringReader(string.Concat(answers.Select(answer => answer + "\n"))));

    public string? ReadLine() => reader.ReadLine()?.TrimEnd('\r');

    /// <summary>One character (IO::Prompt's one-key mode), or null at the end of input.</summary>
    public char? ReadKey()
    {
        using var mode = enterOneKeyMode?.Invoke();
        var next = reader.Read();
        return next < 0 ? null : (char)next;
    }
}
