namespace NatFunctions.Core.Vyos;

/// <summary>A line of <c>show configuration commands</c> text that is not a <c>set</c> or <c>comment</c> command.</summary>
/// <remarks>
/// The message names the line's path but never its value: it ends up in error fields and the audit log, and a
/// router's configuration holds password hashes and keys (a multi-line value, such as a banner or a PEM block, is the
/// usual reason a line does not parse). <see cref="Line"/> keeps the whole line for code that needs it.
/// </remarks>
public sealed class ConfigCommandsFormatException(int lineNumber, string line, string reason)
    : FormatException($"Line {lineNumber}: {reason}: {Excerpt(line)}")
{
    public int LineNumber { get; } = lineNumber;

    public string Line { get; } = line;

    /// <summary>The path words of a set/comment line up to its first quote; nothing of any other line.</summary>
    private static string Excerpt(string line)
    {
        if (!line.StartsWith("set ", StringComparison.Ordinal) && !line.StartsWith("comment ", StringComparison.Ordinal))
        {
            return "(text not shown: it may be part of a multi-line value)";
        }

        var quote = line.IndexOf('\'', StringComparison.Ordinal);
        return quote < 0 ? line : line[..quote] + "'…' (value not shown)";
    }
}
