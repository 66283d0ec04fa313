using System.Text;

namespace NatFunctions.VyosSimulator.Commit;

/// <summary>
/// What one conf-mode script printed while its <c>verify()</c> ran, in order, and the <c>ConfigError</c> that
/// stopped it (null: it passed). Texts are formatted as vyos-1x <c>python/vyos/base.py</c> does.
/// </summary>
internal sealed class ConfScriptRun
{
    private readonly StringBuilder printed = new();

    public string Printed => this.printed.ToString();

    /// <summary>The <c>ConfigError</c> text after <c>textwrap.fill(width=72)</c> (base.py ConfigError), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>A plain <c>print(text)</c> (equuleus nat.py prints its warnings this way).</summary>
    public void Print(string text) => this.printed.Append(text).Append('\n');

    /// <summary>base.py <c>Warning</c>.</summary>
    public void Warning(string message) => PrintBaseWarning("WARNING: ", message);

    /// <summary>base.py <c>DeprecationWarning</c>.</summary>
    public void DeprecationWarning(string message) => PrintBaseWarning("DEPRECATION WARNING: ", message);

    /// <summary>Raises <c>ConfigError(message)</c>; returns false so a verifier can <c>return run.Fail(…)</c>.</summary>
    public bool Fail(string message)
    {
        Error = PythonTextWrap.Fill(message, 72);
        return false;
    }

    /// <summary>
    /// base.py <c>BaseWarning.print</c>: a blank line, each line of the message filled on its own with the header as
    /// the first line's indent, then a blank line. It stores width 72 on itself but never passes it to
    /// <c>fill()</c>, so textwrap's default width of 70 applies.
    /// </summary>
    private void PrintBaseWarning(string header, string message)
    {
        this.printed.Append('\n');
        var indent = header;
        foreach (var line in message.Split('\n'))
        {
            this.printed.Append(PythonTextWrap.Fill(line, 70, indent)).Append('\n');
            indent = string.Empty;
        }

        this.printed.Append('\n');
    }
}
