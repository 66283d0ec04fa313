namespace NatFunctions.VyosSimulator.Config;

/// <summary>A whole configuration: every node it was given, modelled by the schema or not.</summary>
internal sealed class ConfigTree
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

    public ConfigTree DeepClone() => new(Root.DeepClone());

    public bool ContentEquals(ConfigTree other) => Root.ContentEquals(other.Root);

    public ConfigNode? Find(IReadOnlyList<string> path)
    {
        var node = Root;
        foreach (var word in path)
        {
            node = node.Child(word);
            if (node is null) return null;
        }

        return node;
    }

    public bool Exists(IReadOnlyList<string> path) => Find(path) is not null;

    /// <summary>The first value of the leaf at <paramref name="path"/>, or null.</summary>
    public string? Value(params string[] path) => Find(path)?.FirstValue;

    /// <summary>Creates the path and, when <paramref name="value"/> is given, sets it. False when nothing changed.</summary>
    public bool Set(IReadOnlyList<string> path, string? value, ValueMode mode)
    {
        var changed = false;
        var node = Root;
        foreach (var word in path)
        {
            var next = node.Child(word);
            if (next is null)
            {
                next = node.GetOrAddChild(word);
                changed = true;
            }

            node = next;
        }

        if (value is null) return changed;
        return (mode == ValueMode.Append ? node.AddValue(value) : node.ReplaceValue(value)) || changed;
    }

    /// <summary>
    /// Deletes the node at <paramref name="path"/> (or only <paramref name="value"/>), then removes ancestors left
    /// empty, as VyOS does when the last tag value of a tag node goes. False when nothing existed.
    /// </summary>
    public bool Delete(IReadOnlyList<string> path, string? value)
    {
        var chain = new List<ConfigNode> { Root };
        foreach (var word in path)
        {
            var next = chain[^1].Child(word);
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

    /// <summary>Puts a copy of <paramref name="source"/>'s subtree at <paramref name="path"/> into this tree (null: removes it).</summary>
    public void ReplaceSubtree(IReadOnlyList<string> path, ConfigNode? source)
    {
        var parent = Root;
        foreach (var word in path.Take(path.Count - 1))
        {
            parent = source is null ? parent.Child(word) ?? new ConfigNode(word) : parent.GetOrAddChild(word);
        }

        parent.ReplaceChild(path[^1], source?.DeepClone());
        if (source is null) RemoveEmptyAncestors(path.Take(path.Count - 1).ToArray());
    }

    private void RemoveEmptyAncestors(IReadOnlyList<string> path)
    {
        for (var length = path.Count; length > 0; length--)
        {
            var node = Find(path.Take(length).ToArray());
            if (node is null || !node.IsEmpty) return;
            Find(path.Take(length - 1).ToArray())?.RemoveChild(path[length - 1]);
        }
    }
}
