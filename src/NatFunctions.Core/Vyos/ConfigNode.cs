namespace NatFunctions.Core.Vyos;

/// <summary>
/// One node of a VyOS configuration: a plain node, a tag node or one of its tag values (e.g. <c>rule</c> and
/// <c>10</c>), or a leaf with zero, one or many values. Without the VyOS schema a tag value is just a child node;
/// that is enough because <c>show configuration commands</c> prints both the same way.
/// </summary>
/// <remarks>
/// A big router's config has hundreds of thousands of nodes, most of them leaves with one value, so storage is
/// lazy: no child list until the first child, values in an exact-size array until a leaf has a few (then a list).
/// </remarks>
public sealed class ConfigNode
{
    // Past a few children (a router's NAT rules, DHCP mappings) a linear name search makes parsing and planning
    // quadratic, so bigger nodes keep a name index beside the ordered list.
    private const int IndexThreshold = 8;

    // Up to this many values live in an exact-size array (one allocation for the common single value); more go to
    // a list so a long multi-value leaf (an address group) does not copy on every append.
    private const int ArrayValueLimit = 4;

    private List<ConfigNode>? _children;

    // null (no values), a string[] of up to ArrayValueLimit values, or a List<string>.
    private IReadOnlyList<string>? _values;
    private Dictionary<string, ConfigNode>? _index;

    public ConfigNode(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public IReadOnlyList<ConfigNode> Children => (IReadOnlyList<ConfigNode>?)_children ?? [];

    /// <summary>Leaf values in the order they were set (VyOS keeps multi-value order).</summary>
    public IReadOnlyList<string> Values => _values ?? [];

    /// <summary>The node comment (<c>comment &lt;path&gt; '&lt;text&gt;'</c>), if any.</summary>
    public string? Comment { get; set; }

    public bool IsEmpty => ChildCount == 0 && ValueCount == 0;

    internal int ChildCount => _children?.Count ?? 0;

    internal int ValueCount => _values?.Count ?? 0;

    public ConfigNode? FindChild(string name)
    {
        if (_index is not null) return _index.GetValueOrDefault(name);
        if (_children is null) return null;
        foreach (var child in _children)
        {
            if (child.Name == name) return child;
        }

        return null;
    }

    /// <summary>The same as <see cref="FindChild(string)"/> for a word still inside the text it was read from.</summary>
    internal ConfigNode? FindChild(ReadOnlySpan<char> name)
    {
        if (_index is not null)
        {
            return _index.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var indexed) ? indexed : null;
        }

        if (_children is null) return null;
        foreach (var child in _children)
        {
            if (name.SequenceEqual(child.Name)) return child;
        }

        return null;
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
        var children = _children ??= [];
        if (placement == ChildPlacement.Append)
        {
            children.Add(child);
            Indexed(child);
            return child;
        }

        // Insert before the first sibling that sorts after the new name. Siblings read from a real router are
        // already in VyOS order, so this is exactly where showCfg would print it.
        var index = children.FindIndex(sibling => DebianVersionComparer.Instance.Compare(sibling.Name, name) > 0);
        children.Insert(index < 0 ? children.Count : index, child);
        Indexed(child);
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
        (_children ??= []).Add(child);
        Indexed(child);
        return child;
    }

    public bool RemoveChild(string name)
    {
        _index?.Remove(name);
        return _children is not null && _children.RemoveAll(child => child.Name == name) > 0;
    }

    public bool AddValue(string value)
    {
        switch (_values)
        {
            case null:
                _values = new[] { value };
                return true;
            case string[] few:
                if (Array.IndexOf(few, value) >= 0) return false;
                if (few.Length < ArrayValueLimit)
                {
                    var grown = new string[few.Length + 1];
                    few.CopyTo(grown, 0);
                    grown[^1] = value;
                    _values = grown;
                }
                else
                {
                    _values = new List<string>(few) { value };
                }

                return true;
            default:
                var many = (List<string>)_values;
                if (many.Contains(value)) return false;
                many.Add(value);
                return true;
        }
    }

    /// <summary>Makes <paramref name="value"/> the only value (single-value leaf semantics).</summary>
    public bool ReplaceValues(string value)
    {
        if (_values is { Count: 1 } && _values[0] == value) return false;
        _values = new[] { value };
        return true;
    }

    public bool RemoveValue(string value)
    {
        switch (_values)
        {
            case null:
                return false;
            case string[] few:
                var position = Array.IndexOf(few, value);
                if (position < 0) return false;
                _values = few.Length == 1 ? null : [.. few[..position], .. few[(position + 1)..]];
                return true;
            default:
                var many = (List<string>)_values;
                if (!many.Remove(value)) return false;
                if (many.Count == 0) _values = null;
                return true;
        }
    }

    public void ClearValues() => _values = null;

    public ConfigNode DeepClone()
    {
        var copy = new ConfigNode(Name) { Comment = Comment };
        copy._values = _values switch
        {
            null => null,
            string[] few => (string[])few.Clone(),
            _ => new List<string>(_values),
        };
        if (_children is not null)
        {
            copy._children = new List<ConfigNode>(_children.Count);
            foreach (var child in _children) copy._children.Add(child.DeepClone());
        }

        if (_index is not null) copy._index = copy._children!.ToDictionary(child => child.Name, StringComparer.Ordinal);
        return copy;
    }

    /// <summary>Structural equality: same names, values, comments and child order.</summary>
    public bool ContentEquals(ConfigNode other)
    {
        if (Name != other.Name || Comment != other.Comment) return false;
        if (!Values.SequenceEqual(other.Values)) return false;
        if (ChildCount != other.ChildCount) return false;
        for (var i = 0; i < ChildCount; i++)
        {
            if (!_children![i].ContentEquals(other._children![i])) return false;
        }

        return true;
    }

    /// <summary>Replaces a child subtree (or removes it when <paramref name="replacement"/> is null), keeping its position.</summary>
    public void ReplaceChild(string name, ConfigNode? replacement)
    {
        var children = _children ??= [];
        var index = children.FindIndex(child => child.Name == name);
        if (replacement is null)
        {
            if (index >= 0) children.RemoveAt(index);
            _index?.Remove(name);
            return;
        }

        if (index >= 0)
        {
            children[index] = replacement;
            _index?.Remove(name);
            Indexed(replacement);
            return;
        }

        var position = children.FindIndex(sibling => DebianVersionComparer.Instance.Compare(sibling.Name, name) > 0);
        children.Insert(position < 0 ? children.Count : position, replacement);
        Indexed(replacement);
    }

    private void Indexed(ConfigNode child)
    {
        if (_index is not null)
        {
            _index[child.Name] = child;
        }
        else if (_children!.Count > IndexThreshold)
        {
            _index = _children.ToDictionary(existing => existing.Name, StringComparer.Ordinal);
        }
    }
}
