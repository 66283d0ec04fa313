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
        var walker = new ConfigPathWalker(tree.Root, words);
        var lineNumber = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            lineNumber++;
            var line = text.AsMemory(start, end - start).TrimEnd('\r');
            if (line.Length > 0) ParseLine(walker, lineNumber, line, words);
            start = end + 1;
        }

        walker.Finish();
        return tree;
    }

    private static void ParseLine(ConfigPathWalker walker, int lineNumber, ReadOnlyMemory<char> line, ConfigWordPool words)
    {
        if (line.Span.StartsWith(SetPrefix, StringComparison.Ordinal))
        {
            var node = ReadPathAndValue(walker, lineNumber, line, SetPrefix.Length, isComment: false, words, out var value);
            if (value is not null) node.AddValue(value);
            return;
        }

        if (line.Span.StartsWith(CommentPrefix, StringComparison.Ordinal))
        {
            var node = ReadPathAndValue(walker, lineNumber, line, CommentPrefix.Length, isComment: true, words, out var comment);
            node.Comment = comment;
            return;
        }

        throw new ConfigCommandsFormatException(lineNumber, line.Span.ToString(), "expected a 'set' or 'comment' command");
    }

    /// <summary>
    /// Checks the rest of the line after the verb, then walks (creating in text order) the nodes of its path and
    /// returns the last one with the line's unescaped value, if it has one. A comment line must have a value.
    /// </summary>
    private static ConfigNode ReadPathAndValue(
        ConfigPathWalker walker, int lineNumber, ReadOnlyMemory<char> line, int restStart, bool isComment, ConfigWordPool words, out string? value)
    {
        var rest = line[restStart..].Span;
        var pathLength = rest.Length;
        value = null;
        var quote = rest.StartsWith('\'') ? 0 : rest.IndexOf(" '", StringComparison.Ordinal);
        if (quote >= 0)
        {
            var quoted = quote == 0 ? rest : rest[(quote + 1)..];
            if (quoted.Length < 2 || quoted[^1] != '\'')
            {
                throw new ConfigCommandsFormatException(lineNumber, line.Span.ToString(), "a quoted value must end the line");
            }

            pathLength = quote;
            var escaped = quoted[1..^1];
            value = escaped.Contains('\\') ? VyosValueEscaping.Unescape(escaped.ToString()) : words.Get(escaped);
        }

        // An empty word (leading, trailing or double space, or no path at all) is what splitting on ' ' would find.
        var pathText = rest[..pathLength];
        if (pathText.IsEmpty || pathText[0] == ' ' || pathText[^1] == ' ' || pathText.IndexOf("  ", StringComparison.Ordinal) >= 0)
        {
            throw new ConfigCommandsFormatException(lineNumber, line.Span.ToString(), "path words must be separated by single spaces");
        }

        if (value is null && isComment)
        {
            throw new ConfigCommandsFormatException(lineNumber, line.Span.ToString(), "a comment needs a quoted text");
        }

        return walker.Walk(line.Slice(restStart, pathLength));
    }
}
