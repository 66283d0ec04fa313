namespace NatFunctions.Core.Planning;

/// <summary>
/// A node's content as a set of leaf lines (relative path, value, comment), so two subtrees can be compared
/// regardless of the order their children were printed or built in.
/// </summary>
internal static class ConfigLeaves
{
    private const char Separator = '\u0000';

    public static bool SameContent(Vyos.ConfigNode? left, Vyos.ConfigNode? right)
    {
        if (left is null || right is null) return left is null && right is null;
        var leftLines = Lines(left);
        var rightLines = Lines(right);
        return leftLines.Count == rightLines.Count && leftLines.SetEquals(rightLines);
    }

    private static HashSet<string> Lines(Vyos.ConfigNode node)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, string.Empty, lines);
        return lines;
    }

    private static void Collect(Vyos.ConfigNode node, string path, HashSet<string> lines)
    {
        if (node.Comment is not null) lines.Add(path + Separator + "#" + node.Comment);
        if (node.IsEmpty) lines.Add(path);
        for (var index = 0; index < node.Values.Count; index++)
        {
            // Multi-value order matters to VyOS, so the position is part of the line.
            lines.Add(path + Separator + "=" + index + Separator + node.Values[index]);
        }

        foreach (var child in node.Children)
        {
            Collect(child, path + Separator + child.Name, lines);
        }
    }
}
