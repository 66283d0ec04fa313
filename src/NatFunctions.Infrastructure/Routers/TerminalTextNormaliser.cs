using System.Text.RegularExpressions;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Turns what a terminal receives into plain lines: drops ANSI colour/cursor sequences and the OSC window title
/// (vbash adds them for xterm-like terminals), bells, and carriage returns (the pty turns every newline into CR LF).
/// </summary>
internal static partial class TerminalTextNormaliser
{
    public static string Normalise(string raw)
    {
        var text = EscapeSequence().Replace(raw, string.Empty);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
        return text.Replace("\a", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>True when a whole escape sequence starts at <paramref name="index"/> (false: cut short, more to come).</summary>
    public static bool IsCompleteEscapeAt(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = EscapeSequence().Match(text, index);
        return match.Success && match.Index == index;
    }

    [GeneratedRegex(@"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[=>()][0-9A-Za-z]?")]
    private static partial Regex EscapeSequence();
}
