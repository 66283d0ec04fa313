namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// Prints a store as <c>show configuration commands</c>: one <c>set</c> line per leaf value, the value in single
/// quotes, a bare path for valueless leaves and empty nodes, siblings in VyOS order (<see cref="VyosNameOrder"/>),
/// values in set order, and a node's <c>comment</c> line after its own lines.
/// </summary>
internal static class ConfigCommandsPrinter
{
    public static string Print(ConfigStore store)
    {
        var lines = Lines(store).ToList();
        return lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n";
    }

    /// <summary>Depth first through the directories, with a work stack instead of recursion.</summary>
    public static IEnumerable<string> Lines(ConfigStore store)
    {
        // What is left to print, next on top: a node to print with its path words, or (Closing) its comment line.
        var pending = new Stack<(ConfigNode Node, string Words, bool Closing)>();
        PushChildren(pending, store.Root, null);
        while (pending.TryPop(out var next))
        {
            if (next.Closing)
            {
                yield return $"comment {next.Words} '{next.Node.Comment}'";
                continue;
            }

            if (next.Node.IsEmpty) yield return $"set {next.Words}";
            foreach (var value in next.Node.Values) yield return $"set {next.Words} '{value}'";
            if (next.Node.Comment is not null) pending.Push((next.Node, next.Words, true));
            PushChildren(pending, next.Node, next.Words);
        }
    }

    private static void PushChildren(Stack<(ConfigNode, string, bool)> pending, ConfigNode parent, string? words)
    {
        var children = parent.Children;
        for (var index = children.Count - 1; index >= 0; index--)
        {
            pending.Push((children[index], words is null ? children[index].Name : $"{words} {children[index].Name}", false));
        }
    }
}
