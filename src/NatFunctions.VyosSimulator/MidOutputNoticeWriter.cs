using System.Text;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// Holds a command's output and, the first time it is flushed, writes it with a notice in its middle; later output
/// passes straight through. A command flushes when it waits for an answer (commit-confirm's question) as well as when
/// it ends, so the question still reaches the client and the notice still lands inside real output.
/// </summary>
internal sealed class MidOutputNoticeWriter(TextWriter terminal, string notice) : TextWriter
{
    private StringBuilder? held = new();

    public override Encoding Encoding => terminal.Encoding;

    public override void Write(char value)
    {
        if (held is not null) held.Append(value);
        else terminal.Write(value);
    }

    public override void Write(string? value)
    {
        if (held is not null) held.Append(value);
        else terminal.Write(value);
    }

    public override void Flush()
    {
        if (held is not null)
        {
            var text = held.ToString();
            held = null;
            var middle = text.Length / 2;
            terminal.Write(text[..middle] + notice + text[middle..]);
        }

        terminal.Flush();
    }
}
