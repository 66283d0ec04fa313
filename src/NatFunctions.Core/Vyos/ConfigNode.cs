namespace NatFunctions.Core.Vyos;

/// <summary>
/// One node of a VyOS configuration: a plain node, a tag node or one of its tag values (e.g. <c>rule</c> and
/// <c>10</c>), or a leaf with zero, one or many values. Without the VyOS schema a tag value is just a child node;
/// that is enough because <c>show configuration commands</c> prints both the same way.
/// </summary>
/// <remarks>
/// A big router's config has hundreds of thousands of nodes, most of them leaves with one value, and every object
/// a parse creates survives it (garbage collection copies and marks each one), so storage is lazy and small: no child
/// list until the first child, one child or value held as itself, a few in an exact-size array, more in a list (and
/// for children, a name index).
/// </remarks>
public sealed class ConfigNode
{
    // Past a few children (a router's NAT rules, DHCP mappings) a linear name search makes parsing and planning
    // quadratic, so bigger nodes keep a name index beside the ordered list; up to it, an exact-size array.
    internal const int IndexThreshold = 8;

    // Up to this many values live in an exact-size array (one allocation for the common single value); more go to
    // a list so a long multi-value leaf (an address group) does not copy on every append.
    private const int ArrayValueLimit = 4;

    // null (no children), the one child itself (ConfigNode), a ConfigNode[] of up to IndexThreshold children, or
    // IndexedChildren.
    private object? children;

    // null (no values), the one value itself (string), a string[] of up to ArrayValueLimit values, or a List<string>.
    private object? values;

    public ConfigNode(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <remarks>A single child is wrapped on each call; hot paths use <see cref="ChildCount"/> and <see cref="ChildAt"/>.</remarks>
    public IReadOnlyList<ConfigNode> Children => this.children switch
    {
        null => [],
        ConfigNode only => [only],
        ConfigNode[] few => few,
        _ => ((IndexedChildren)this.children).Ordered,
    };

    /// <summary>Leaf values in the order they were set (VyOS keeps multi-value order).</summary>
    /// <remarks>A single value is wrapped on each call; hot paths use <see cref="ValueCount"/> and <see cref="FirstValue"/>.</remarks>
    public IReadOnlyList<string> Values => this.values switch
    {
        null => [],
        string single => [single],
        _ => (IReadOnlyList<string>)this.values,
    };

    /// <summary>The node comment (<c>comment &lt;path&gt; '&lt;text&gt;'</c>), if any.</summary>
    public string? Comment { get; set; }

    public bool IsEmpty => ChildCount == 0 && ValueCount == 0;

    internal int ChildCount => this.children switch
    {
        null => 0,
        ConfigNode => 1,
        ConfigNode[] few => few.Length,
        _ => ((IndexedChildren)this.children).Ordered.Count,
    };

    internal int ValueCount => this.values switch
    {
        null => 0,
        string => 1,
        _ => ((IReadOnlyList<string>)this.values).Count,
    };

    /// <summary>The first (for a single-value leaf, the) value, or null.</summary>
    internal string? FirstValue => this.values switch
    {
        null => null,
        string single => single,
        _ => ((IReadOnlyList<string>)this.values)[0],
    };

    internal ConfigNode ChildAt(int index) => this.children switch
    {
        ConfigNode only when index == 0 => only,
        ConfigNode[] few => few[index],
        IndexedChildren many => many.Ordered[index],
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public ConfigNode? FindChild(string name)
    {
        switch (this.children)
        {
            case null:
                return null;
            case ConfigNode only:
                return only.Name == name ? only : null;
            case ConfigNode[] few:
                foreach (var child in few)
                {
                    if (child.Name == name) return child;
                }

                return null;
            default:
                return ((IndexedChildren)this.children).Find(name);
        }
    }

    /// <summary>The same as <see cref="FindChild(string)"/> for a word still inside the text it was read from.</summary>
    internal ConfigNode? FindChild(ReadOnlySpan<char> name)
    {
        switch (this.children)
        {
            case null:
                return null;
            case ConfigNode only:
                return name.SequenceEqual(only.Name) ? only : null;
            case ConfigNode[] few:
                foreach (var child in few)
                {
                    if (name.SequenceEqual(child.Name)) return child;
                }

                return null;
            default:
                return ((IndexedChildren)this.children).ByText.TryGetValue(name, out var indexed) ? indexed : null;
        }
    }

    /// <summary>
    /// Returns the named child, creating it when missing. <paramref name="placement"/> decides where a new child goes:
    /// <see cref="ChildPlacement.Append"/> keeps the order of a parsed text, <see cref="ChildPlacement.VyosOrder"/>
    /// puts it where VyOS would show it.
    /// </summary>
    public ConfigNode GetOrAddChild(string name, ChildPlacement placement)
    {
        var existing = FindChild(name);
        if (existing is not null) return existing;

        var child = new ConfigNode(name);
        InsertChild(placement == ChildPlacement.Append ? ChildCount : VyosPosition(name), child);
        return child;
    }

    /// <summary>
    /// Parser path: returns the child named <paramref name="name"/>, appending it (name taken from
    /// <paramref name="words"/>) when missing.
    /// </summary>
    internal ConfigNode GetOrAppendChild(ReadOnlySpan<char> name, ConfigWordPool words)
    {
        var existing = FindChild(name);
        if (existing is not null) return existing;

        var child = new ConfigNode(words.Get(name));
        InsertChild(ChildCount, child);
        return child;
    }

    /// <summary>
    /// Parser path: gives a node without children all of its children at once, stored as one child, an exact-size
    /// array or (past <see cref="IndexThreshold"/>) the indexed list, the same as appending them one by one would.
    /// </summary>
    internal void SetParsedChildren(List<ConfigNode> children)
    {
        if (this.children is not null) throw new InvalidOperationException("the node already has children");
        this.children = children.Count switch
        {
            0 => null,
            1 => children[0],
            <= IndexThreshold => children.ToArray(),
            _ => new IndexedChildren(children),
        };
    }

    public bool RemoveChild(string name)
    {
        switch (this.children)
        {
            case null:
                return false;
            case ConfigNode only:
                if (only.Name != name) return false;
                this.children = null;
                return true;
            case ConfigNode[] few:
                var kept = Array.FindAll(few, child => child.Name != name);
                if (kept.Length == few.Length) return false;
                this.children = kept.Length == 1 ? kept[0] : kept;
                return true;
            default:
                return ((IndexedChildren)this.children).RemoveAll(name);
        }
    }

    public bool AddValue(string value)
    {
        switch (this.values)
        {
            case null:
                this.values = value;
                return true;
            case string single:
                if (single == value) return false;
                this.values = new[] { single, value };
                return true;
            case string[] few:
                if (Array.IndexOf(few, value) >= 0) return false;
                if (few.Length < ArrayValueLimit)
                {
                    string[] grown = [.. few, value];
                    this.values = grown;
                }
                else
                {
                    this.values = new List<string>(few) { value };
                }

                return true;
            default:
                var many = (List<string>)this.values;
                if (many.Contains(value)) return false;
                many.Add(value);
                return true;
        }
    }

    /// <summary>Makes <paramref name="value"/> the only value (single-value leaf semantics).</summary>
    public bool ReplaceValues(string value)
    {
        if (this.values is string single && single == value) return false;
        this.values = value;
        return true;
    }

    public bool RemoveValue(string value)
    {
        switch (this.values)
        {
            case null:
                return false;
            case string single:
                if (single != value) return false;
                this.values = null;
                return true;
            case string[] few:
                var position = Array.IndexOf(few, value);
                if (position < 0) return false;
                string[] rest = [.. few[..position], .. few[(position + 1)..]];
                this.values = rest.Length == 1 ? rest[0] : rest;
                return true;
            default:
                var many = (List<string>)this.values;
                if (!many.Remove(value)) return false;
                this.values = many.Count switch { 0 => null, 1 => many[0], _ => many };
                return true;
        }
    }

    public void ClearValues() => this.values = null;

    public ConfigNode DeepClone()
    {
        var copy = new ConfigNode(Name) { Comment = Comment };
        copy.values = this.values switch
        {
            null or string => this.values,
            string[] few => (string[])few.Clone(),
            _ => new List<string>((List<string>)this.values),
        };
        copy.children = this.children switch
        {
            null => null,
            ConfigNode only => only.DeepClone(),
            ConfigNode[] few => Array.ConvertAll(few, child => child.DeepClone()),
            _ => new IndexedChildren(((IndexedChildren)this.children).Ordered.Select(child => child.DeepClone())),
        };
        return copy;
    }

    /// <summary>Structural equality: same names, values, comments and child order.</summary>
    public bool ContentEquals(ConfigNode other)
    {
        if (Name != other.Name || Comment != other.Comment) return false;
        if (!SameValues(other)) return false;
        var count = ChildCount;
        if (count != other.ChildCount) return false;
        for (var i = 0; i < count; i++)
        {
            if (!ChildAt(i).ContentEquals(other.ChildAt(i))) return false;
        }

        return true;
    }

    private bool SameValues(ConfigNode other)
    {
        var count = ValueCount;
        if (count != other.ValueCount) return false;
        return count switch
        {
            0 => true,
            1 => FirstValue == other.FirstValue,
            _ => Values.SequenceEqual(other.Values),
        };
    }

    /// <summary>Replaces a child subtree (or removes it when <paramref name="replacement"/> is null), keeping its position.</summary>
    public void ReplaceChild(string name, ConfigNode? replacement)
    {
        if (replacement is null)
        {
            RemoveChild(name);
            return;
        }

        var index = IndexOfChild(name);
        if (index < 0)
        {
            InsertChild(VyosPosition(name), replacement);
            return;
        }

        switch (this.children)
        {
            case ConfigNode:
                this.children = replacement;
                break;
            case ConfigNode[] few:
                few[index] = replacement;
                break;
            case IndexedChildren many:
                many.ReplaceAt(index, replacement);
                break;
        }
    }

    private int IndexOfChild(string name)
    {
        var count = ChildCount;
        for (var index = 0; index < count; index++)
        {
            if (ChildAt(index).Name == name) return index;
        }

        return -1;
    }

    /// <summary>
    /// Before the first sibling that sorts after <paramref name="name"/>. Siblings read from a real router are
    /// already in VyOS order, so this is exactly where showCfg would print it.
    /// </summary>
    private int VyosPosition(string name)
    {
        var count = ChildCount;
        for (var index = 0; index < count; index++)
        {
            if (DebianVersionComparer.Instance.Compare(ChildAt(index).Name, name) > 0) return index;
        }

        return count;
    }

    private void InsertChild(int position, ConfigNode child)
    {
        switch (this.children)
        {
            case null:
                this.children = child;
                return;
            case ConfigNode only:
                this.children = position == 0 ? new[] { child, only } : new[] { only, child };
                return;
            case ConfigNode[] few when few.Length < IndexThreshold:
                this.children = (ConfigNode[])[.. few.AsSpan(0, position), child, .. few.AsSpan(position)];
                return;
            case ConfigNode[] few:
                this.children = new IndexedChildren([.. few.AsSpan(0, position), child, .. few.AsSpan(position)]);
                return;
            default:
                ((IndexedChildren)this.children).Insert(position, child);
                return;
        }
    }
}
