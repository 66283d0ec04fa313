namespace NatFunctions.Core.Vyos;

/// <summary>
/// Reads <c>show configuration commands</c> output into a <see cref="ConfigTree"/>.
/// </summary>
/// <remarks>
/// Line structure (vyos1x-config <c>render_commands</c>): path words are never quoted (tag values such as rule
/// numbers included) and a leaf value is always the single-quoted tail of the line, so no schema is needed to tell
/// a value from a path word. A line without a quoted tail is a valueless leaf or an empty node.
/// Ordering rule: children are kept in the order the text lists them. Real output is already in VyOS order
/// (names and tag values by Debian version compare, multi values in set order, plus nodes VyOS keeps in
/// definition order), so keeping the text's order prints any real config back exactly, even for nodes whose
/// order we cannot derive without the schema. Nodes added later through <see cref="ConfigTree.Set"/> are placed by
/// Debian version compare among their siblings, which is where VyOS puts them in the sorted case.
/// </remarks>
public static class ConfigCommandsParser
{
    private const string SetPrefix = "set ";
    private const string CommentPrefix = "comment ";

    public static ConfigTree Parse(string text)
    {
        var tree = new ConfigTree();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (line.Length == 0) continue;
            ParseLine(tree, index + 1, line);
        }

        return tree;
    }

    private static void ParseLine(ConfigTree tree, int lineNumber, string line)
    {
        if (line.StartsWith(SetPrefix, StringComparison.Ordinal))
        {
            var (path, value) = SplitPathAndValue(lineNumber, line, line[SetPrefix.Length..]);
            tree.Set(path, value, ValueMode.Append, ChildPlacement.Append);
            return;
        }

        if (line.StartsWith(CommentPrefix, StringComparison.Ordinal))
        {
            var (path, comment) = SplitPathAndValue(lineNumber, line, line[CommentPrefix.Length..]);
            if (comment is null) throw new ConfigCommandsFormatException(lineNumber, line, "a comment needs a quoted text");
            tree.Set(path, null, ValueMode.Append, ChildPlacement.Append);
            tree.Find(path)!.Comment = comment;
            return;
        }

        throw new ConfigCommandsFormatException(lineNumber, line, "expected a 'set' or 'comment' command");
    }

    private static (string[] Path, string? Value) SplitPathAndValue(int lineNumber, string line, string rest)
    {
        string pathText;
        string? value = null;
        var quote = rest.StartsWith('\'') ? 0 : rest.IndexOf(" '", StringComparison.Ordinal);
        if (quote < 0)
        {
            pathText = rest;
        }
        else
        {
            var quoted = quote == 0 ? rest : rest[(quote + 1)..];
            if (quoted.Length < 2 || quoted[^1] != '\'')
            {
                throw new ConfigCommandsFormatException(lineNumber, line, "a quoted value must end the line");
            }

            pathText = quote == 0 ? string.Empty : rest[..quote];
            value = VyosValueEscaping.Unescape(quoted[1..^1]);
        }

        var path = pathText.Split(' ');
        if (path.Any(word => word.Length == 0))
        {
            throw new ConfigCommandsFormatException(lineNumber, line, "path words must be separated by single spaces");
        }

        return (path, value);
    }
}
