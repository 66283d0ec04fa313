using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// Whether a router's node holds exactly what the renderer's <c>set</c> commands would make of a desired object:
/// every present field at its path with its one value (a flag as a valueless leaf), no comments, no values on the
/// nodes in between, and nothing else. Answers what rendering the object into a scratch tree and comparing the two
/// subtrees by content would, without building either: the planner asks it for every owned object of a router.
/// </summary>
internal static class RenderedContent
{
    public static bool Matches<T>(ConfigNode? node, T item, IReadOnlyList<ConfigLeafField<T>> fields)
    {
        if (node is null || !IsBranch(node)) return false;

        // Fields come in VyOS order, so fields under the same parent node are adjacent: a field adds the nodes of
        // its path below what it shares with the previous present field.
        var expectedNodes = 0;
        string[]? previous = null;
        foreach (var field in fields)
        {
            if (!field.IsPresent(item, out var value)) continue;
            if (!HasLeaf(node, field.Words, value)) return false;
            expectedNodes += field.Words.Length - SharedPrefix(previous, field.Words);
            previous = field.Words;
        }

        // Every expected node is there; with the same count there is nothing else.
        return CountDescendants(node) == expectedNodes;
    }

    private static bool HasLeaf(ConfigNode node, string[] words, string? value)
    {
        var current = node;
        for (var depth = 0; depth < words.Length; depth++)
        {
            current = current.FindChild(words[depth]);
            if (current is null) return false;
            if (depth < words.Length - 1 && !IsBranch(current)) return false;
        }

        if (current.Comment is not null || current.ChildCount != 0) return false;
        return value is null ? current.ValueCount == 0 : current.ValueCount == 1 && current.FirstValue == value;
    }

    private static bool IsBranch(ConfigNode node) => node.Comment is null && node.ValueCount == 0;

    private static int SharedPrefix(string[]? previous, string[] words)
    {
        if (previous is null) return 0;
        var shared = 0;
        while (shared < previous.Length - 1 && shared < words.Length - 1 && previous[shared] == words[shared]) shared++;
        return shared;
    }

    private static int CountDescendants(ConfigNode node)
    {
        // By index, not through Children: that would allocate once per node of every rule.
        var count = node.ChildCount;
        for (var index = 0; index < node.ChildCount; index++) count += CountDescendants(node.ChildAt(index));
        return count;
    }
}
