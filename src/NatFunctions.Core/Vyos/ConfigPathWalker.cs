namespace NatFunctions.Core.Vyos;

/// <summary>
/// Finds or appends the nodes of one parsed line's path. Consecutive lines mostly share their leading words (a rule
/// prints six lines under <c>nat destination rule N</c>), so the nodes of the previous line's path are kept and the
/// shared whole words are not looked up again: on a big router that skips a hash lookup among thousands of rules
/// for all but the first line of each rule.
/// </summary>
internal sealed class ConfigPathWalker(ConfigNode root, ConfigWordPool words)
{
    private readonly List<ConfigNode> _previousNodes = [];
    private ReadOnlyMemory<char> _previousPath;

    /// <param name="path">Words separated by single spaces (the parser has checked).</param>
    public ConfigNode Walk(ReadOnlyMemory<char> path)
    {
        var text = path.Span;
        var previous = _previousPath.Span;
        var shared = text.CommonPrefixLength(previous);
        var node = root;
        var depth = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var space = text[start..].IndexOf(' ');
            var end = space < 0 ? text.Length : start + space;

            // A word is the previous line's word at this depth when everything up to its end is shared and the
            // previous path has a word boundary there too.
            var reusable = depth < _previousNodes.Count
                && end <= shared
                && (end == previous.Length || previous[end] == ' ');
            if (reusable)
            {
                node = _previousNodes[depth];
            }
            else
            {
                node = node.GetOrAppendChild(text[start..end], words);
                if (depth < _previousNodes.Count) _previousNodes.RemoveRange(depth, _previousNodes.Count - depth);
                _previousNodes.Add(node);
            }

            depth++;
            start = end + 1;
        }

        if (depth < _previousNodes.Count) _previousNodes.RemoveRange(depth, _previousNodes.Count - depth);
        _previousPath = path;
        return node;
    }
}
