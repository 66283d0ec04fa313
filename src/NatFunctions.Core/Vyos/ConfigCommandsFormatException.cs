namespace NatFunctions.Core.Vyos;

/// <summary>A line of <c>show configuration commands</c> text that is not a <c>set</c> or <c>comment</c> command.</summary>
public sealed class ConfigCommandsFormatException(int lineNumber, string line, string reason)
    : FormatException($"Line {lineNumber}: {reason}: {line}")
{
    public int LineNumber { get; } = lineNumber;

    public string Line { get; } = line;
}
