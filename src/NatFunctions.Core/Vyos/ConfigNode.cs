namespace NatFunctions.Core.Vyos;

/// <summary>
/// One node of a VyOS configuration: a plain node, a tag node or one of its tag values (e.g. <c>rule</c> and
/// <c>10</c>), or a leaf with zero, one or many values. Without the VyOS schema a tag value is just a child node;
/// that is enough because <c>show configuration commands</c> prints both the same way.
/// </summary>
public sealed class ConfigNode
{
    // Past a few children (a router's NAT rules, DHCP mappings) a linear name search makes parsing and planning
    // quadratic, so bigger nodes keep a name index beside the ordered list.
    private const int IndexThreshold = 8;

    private readonly List<ConfigNode> _children = [];
    private readonly List<string> _values = [];
    private Dictionary<string, ConfigNode>? _index;

    public ConfigNode(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public IReadOnlyList<ConfigNode> Children => _children;

    /// <summary>Leaf values in the order they were set (VyOS keeps multi-value order).</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>The node comment (<c>comment &lt;path&gt; '&lt;text&gt;'</c>), if any.</summary>
    public string? Comment { get; set; }

    public bool IsEmpty => _children.Count == 0 && _values.Count == 0;

    public ConfigNode? FindChild(string name)
    {
        if (_index is not null) return _index.GetValueOrDefault(name);
        foreach (var child in _children)
        {
            if (child.Name == name) return child;
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
        if (placement == ChildPlacement.Append)
        {
            _children.Add(child);
            Indexed(child);
            return child;
        }

        // Insert before the first sibling that sorts after the new name. Siblings read from a real router are
        // already in VyOS order, so this is exactly where showCfg would print it.
        var index = _children.FindIndex(sibling => DebianVersionComparer.Instance.Compare(sibling.Name, name) > 0);
        _children.Insert(index < 0 ? _children.Count : index, child);
        Indexed(child);
        return child;
    }

    public bool RemoveChild(string name)
    {
        _index?.Remove(name);
        return _children.RemoveAll(child => child.Name == name) > 0;
    }

    public bool AddValue(string value)
    {
        if (_values.Contains(value)) return false;
        _values.Add(value);
        return true;
    }

    /// <summary>Makes <paramref name="value"/> the only value (single-value leaf semantics).</summary>
    public bool ReplaceValues(string value)
    {
        if (_values.Count == 1 && _values[0] == value) return false;
        _values.Clear();
        _values.Add(value);
        return true;
    }

    public bool RemoveValue(string value) => _values.Remove(value);

    public void ClearValues() => _values.Clear();

    public ConfigNode DeepClone()
    {
        var copy = new ConfigNode(Name) { Comment = Comment };
        copy._values.AddRange(_values);
        foreach (var child in _children) copy._children.Add(child.DeepClone());
        if (_index is not null) copy._index = copy._children.ToDictionary(child => child.Name, StringComparer.Ordinal);
        return copy;
    }

    /// <summary>Structural equality: same names, values, comments and child order.</summary>
    public bool ContentEquals(ConfigNode other)
    {
        if (Name != other.Name || Comment != other.Comment) return false;
        if (!_values.SequenceEqual(other._values)) return false;
        if (_children.Count != other._children.Count) return false;
        for (var i = 0; i < _children.Count; i++)
        {
            if (!_children[i].ContentEquals(other._children[i])) return false;
        }

        return true;
    }

    /// <summary>Replaces a child subtree (or removes it when <paramref name="replacement"/> is null), keeping its position.</summary>
    public void ReplaceChild(string name, ConfigNode? replacement)
    {
        var index = _children.FindIndex(child => child.Name == name);
        if (replacement is null)
        {
            if (index >= 0) _children.RemoveAt(index);
            _index?.Remove(name);
            return;
        }

        if (index >= 0)
        {
            _children[index] = replacement;
            _index?.Remove(name);
            Indexed(replacement);
            return;
        }

        var position = _children.FindIndex(sibling => DebianVersionComparer.Instance.Compare(sibling.Name, name) > 0);
        _children.Insert(position < 0 ? _children.Count : position, replacement);
        Indexed(replacement);
    }

    private void Indexed(ConfigNode child)
    {
        if (_index is not null)
        {
            _index[child.Name] = child;
        }
        else if (_children.Count > IndexThreshold)
        {
            _index = _children.ToDictionary(existing => existing.Name, StringComparer.Ordinal);
        }
    }
}
