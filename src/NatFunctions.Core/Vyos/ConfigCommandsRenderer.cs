using System.Text;

namespace NatFunctions.Core.Vyos;

/// <summary>
/// Prints a <see cref="ConfigTree"/> as <c>show configuration commands</c> does: one <c>set</c> line per leaf value,
/// the value single-quoted and escaped, a bare path for valueless leaves and empty nodes, and a node's
/// <c>comment</c> line after the node's own lines. Children print in the tree's order.
/// </summary>
public static class ConfigCommandsRenderer
{
    public static string Render(ConfigTree tree)
    {
        var builder = new StringBuilder();
        foreach (var line in RenderLines(tree)) builder.Append(line).Append('\n');
        return builder.ToString();
    }

    public static IEnumerable<string> RenderLines(ConfigTree tree)
    {
        var path = new List<string>();
        foreach (var child in tree.Root.Children)
        {
            foreach (var line in RenderNode(child, path)) yield return line;
        }
    }

    public static string Quote(string value) => "'" + VyosValueEscaping.Escape(value) + "'";

    private static IEnumerable<string> RenderNode(ConfigNode node, List<string> path)
    {
        path.Add(node.Name);
        var pathText = string.Join(' ', path);

        if (node.IsEmpty) yield return "set " + pathText;
        foreach (var value in node.Values) yield return "set " + pathText + " " + Quote(value);
        foreach (var child in node.Children)
        {
            foreach (var line in RenderNode(child, path)) yield return line;
        }

        if (node.Comment is not null) yield return "comment " + pathText + " " + Quote(node.Comment);
        path.RemoveAt(path.Count - 1);
    }
}
