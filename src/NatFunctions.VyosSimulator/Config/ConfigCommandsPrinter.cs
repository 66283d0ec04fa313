using System.Text;

namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// Prints a tree as <c>show configuration commands</c>: one <c>set</c> line per leaf value, the value in single
/// quotes, a bare path for valueless leaves and empty nodes, siblings in VyOS order (<see cref="VyosNameOrder"/>),
/// values in set order, and a node's <c>comment</c> line after its own lines.
/// </summary>
internal static class ConfigCommandsPrinter
{
    public static string Print(ConfigTree tree)
    {
        var builder = new StringBuilder();
        foreach (var line in Lines(tree)) builder.Append(line).Append('\n');
        return builder.ToString();
    }

    public static IEnumerable<string> Lines(ConfigTree tree)
    {
        var path = new List<string>();
        foreach (var child in tree.Root.SortedChildren)
        {
            foreach (var line in NodeLines(child, path)) yield return line;
        }
    }

    private static IEnumerable<string> NodeLines(ConfigNode node, List<string> path)
    {
        path.Add(node.Name);
        var pathText = string.Join(' ', path);
        if (node.IsEmpty) yield return "set " + pathText;
        foreach (var value in node.Values) yield return $"set {pathText} '{value}'";
        foreach (var child in node.SortedChildren)
        {
            foreach (var line in NodeLines(child, path)) yield return line;
        }

        if (node.Comment is not null) yield return $"comment {pathText} '{node.Comment}'";
        path.RemoveAt(path.Count - 1);
    }
}
