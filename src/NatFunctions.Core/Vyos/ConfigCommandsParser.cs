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
/// Cost: the text is read through spans (no string per line or per path word) and repeated words and values are
/// shared (<see cref="ConfigWordPool"/>), so a parse allocates little more than the tree itself.
/// </remarks>
public static class ConfigCommandsParser
{
    private const string SetPrefix = "set ";
    private const string CommentPrefix = "comment ";

    public static ConfigTree Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tree = new ConfigTree();
        var words = new ConfigWordPool();
        var lineNumber = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            lineNumber++;
            var line = text.AsSpan(start, end - start).TrimEnd('\r');
            if (line.Length > 0) ParseLine(tree, lineNumber, line, words);
            start = end + 1;
        }

        return tree;
    }

    private static void ParseLine(ConfigTree tree, int lineNumber, ReadOnlySpan<char> line, ConfigWordPool words)
    {
        if (line.StartsWith(SetPrefix, StringComparison.Ordinal))
        {
            var node = ReadPathAndValue(tree, lineNumber, line, SetPrefix.Length, isComment: false, words, out var value);
            if (value is not null) node.AddValue(value);
            return;
        }

        if (line.StartsWith(CommentPrefix, StringComparison.Ordinal))
        {
            var node = ReadPathAndValue(tree, lineNumber, line, CommentPrefix.Length, isComment: true, words, out var comment);
            node.Comment = comment;
            return;
        }

        throw new ConfigCommandsFormatException(lineNumber, line.ToString(), "expected a 'set' or 'comment' command");
    }

    /// <summary>
    /// Checks the rest of the line after the verb, then walks (creating in text order) the nodes of its path and
    /// returns the last one with the line's unescaped value, if it has one. A comment line must have a value.
    /// </summary>
    private static ConfigNode ReadPathAndValue(
        ConfigTree tree, int lineNumber, ReadOnlySpan<char> line, int restStart, bool isComment, ConfigWordPool words, out string? value)
    {
        var rest = line[restStart..];
        ReadOnlySpan<char> pathText;
        value = null;
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
                throw new ConfigCommandsFormatException(lineNumber, line.ToString(), "a quoted value must end the line");
            }

            pathText = quote == 0 ? [] : rest[..quote];
            var escaped = quoted[1..^1];
            value = escaped.Contains('\\') ? VyosValueEscaping.Unescape(escaped.ToString()) : words.Get(escaped);
        }

        // An empty word (leading, trailing or double space, or no path at all) is what splitting on ' ' would find.
        if (pathText.IsEmpty || pathText[0] == ' ' || pathText[^1] == ' ' || pathText.IndexOf("  ", StringComparison.Ordinal) >= 0)
        {
            throw new ConfigCommandsFormatException(lineNumber, line.ToString(), "path words must be separated by single spaces");
        }

        if (value is null && isComment)
        {
            throw new ConfigCommandsFormatException(lineNumber, line.ToString(), "a comment needs a quoted text");
        }

        var node = tree.Root;
        foreach (var range in pathText.Split(' '))
        {
            node = node.GetOrAppendChild(pathText[range], words);
        }

        return node;
    }
}
