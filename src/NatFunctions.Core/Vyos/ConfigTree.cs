namespace NatFunctions.Core.Vyos;

/// <summary>
/// A whole VyOS configuration as a tree of <see cref="ConfigNode"/>s. Keeps every node it is given (not only NAT),
/// so a config read from a router prints back unchanged.
/// </summary>
public sealed class ConfigTree
{
    public ConfigTree()
        : this(new ConfigNode(string.Empty))
    {
    }

    private ConfigTree(ConfigNode root)
    {
        Root = root;
    }

    /// <summary>The unnamed root; its children are the top-level nodes (<c>interfaces</c>, <c>nat</c>, …).</summary>
    public ConfigNode Root { get; }

    public bool IsEmpty => Root.IsEmpty;

    public ConfigTree DeepClone() => new(Root.DeepClone());

    public bool ContentEquals(ConfigTree other) => Root.ContentEquals(other.Root);

    public ConfigNode? Find(IReadOnlyList<string> path)
    {
        var node = Root;
        foreach (var word in path)
        {
            node = node.FindChild(word);
            if (node is null) return null;
        }

        return node;
    }

    public bool Exists(IReadOnlyList<string> path) => Find(path) is not null;

    /// <summary>
    /// Creates the path (VyOS ordering for new nodes) and, when <paramref name="value"/> is given, sets it on the last node.
    /// Returns false when nothing changed (VyOS: "already exists").
    /// </summary>
    public bool Set(IReadOnlyList<string> path, string? value = null, ValueMode mode = ValueMode.Replace)
    {
        return Set(path, value, mode, ChildPlacement.VyosOrder);
    }

    internal bool Set(IReadOnlyList<string> path, string? value, ValueMode mode, ChildPlacement placement)
    {
        if (path.Count == 0) throw new ArgumentException("A configuration path needs at least one word.", nameof(path));

        var changed = false;
        var node = Root;
        foreach (var word in path)
        {
            var next = node.FindChild(word);
            if (next is null)
            {
                next = node.GetOrAddChild(word, placement);
                changed = true;
            }

            node = next;
        }

        if (value is null) return changed;
        return (mode == ValueMode.Append ? node.AddValue(value) : node.ReplaceValues(value)) || changed;
    }

    /// <summary>
    /// Deletes the node at <paramref name="path"/> (or only <paramref name="value"/> from its values), then removes
    /// ancestors left empty, as VyOS does when the last tag value of a tag node goes. Returns false when nothing existed.
    /// </summary>
    public bool Delete(IReadOnlyList<string> path, string? value = null)
    {
        if (path.Count == 0) throw new ArgumentException("A configuration path needs at least one word.", nameof(path));

        var chain = new List<ConfigNode> { Root };
        foreach (var word in path)
        {
            var next = chain[^1].FindChild(word);
            if (next is null) return false;
            chain.Add(next);
        }

        var target = chain[^1];
        if (value is not null)
        {
            if (!target.RemoveValue(value)) return false;
            if (!target.IsEmpty) return true;
        }

        for (var depth = chain.Count - 1; depth > 0; depth--)
        {
            chain[depth - 1].RemoveChild(chain[depth].Name);
            if (!chain[depth - 1].IsEmpty) break;
        }

        return true;
    }

    /// <summary>Replaces (or removes) a whole top-level subtree, e.g. to keep the old <c>nat</c> after its commit failed.</summary>
    public void ReplaceTopLevel(string name, ConfigNode? subtree) => Root.ReplaceChild(name, subtree?.DeepClone());
}
