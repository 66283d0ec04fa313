namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// Reads <c>show configuration commands</c> text. As VyOS prints it, path words are bare and a leaf value is the
/// single-quoted tail of the line (values cannot contain <c>'</c>: the CLI refuses them), so the schema is not needed
/// to tell a value from a path word. Repeated lines for one path add values (multi-value leaves) in order.
/// </summary>
internal static class ConfigCommandsReader
{
    public static ConfigStore Read(string text)
    {
        var store = new ConfigStore();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line.StartsWith("set ", StringComparison.Ordinal))
            {
                var (path, value) = Split(line, "set ".Length, lineNumber);
                store.Set(path, value, ValueMode.Append);
            }
            else if (line.StartsWith("comment ", StringComparison.Ordinal))
            {
                var (path, value) = Split(line, "comment ".Length, lineNumber);
                store.SetComment(path, value ?? throw new ConfigTextException(lineNumber, line, "a comment needs a quoted text"));
            }
            else
            {
                throw new ConfigTextException(lineNumber, line, "expected a 'set' or 'comment' command");
            }
        }

        return store;
    }

    private static (string[] Path, string? Value) Split(string line, int start, int lineNumber)
    {
        var rest = line[start..];
        string? value = null;
        var quote = rest.IndexOf(" '", StringComparison.Ordinal);
        if (quote >= 0)
        {
            var quoted = rest[(quote + 1)..];
            if (quoted.Length < 2 || quoted[^1] != '\'') throw new ConfigTextException(lineNumber, line, "a quoted value must end the line");
            value = quoted[1..^1];
            rest = rest[..quote];
        }

        var path = rest.Split(' ');
        if (path.Any(word => word.Length == 0)) throw new ConfigTextException(lineNumber, line, "path words must be separated by single spaces");
        return (path, value);
    }
}
