namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// One node of the simulator's configuration tree: a plain node, a tag node, one of its tag values, or a leaf with
/// values. Children are kept in the order they were added; the printer sorts them as VyOS shows them.
/// </summary>
/// <remarks>A name index exists only for nodes with many children (a router's NAT rules), so parsing stays linear.</remarks>
internal sealed class ConfigNode(string name)
{
    private const int IndexThreshold = 16;

    private readonly List<ConfigNode> children = [];
    private readonly List<string> values = [];
    private Dictionary<string, ConfigNode>? index;

    public string Name { get; } = name;

    public IReadOnlyList<ConfigNode> Children => this.children;

    public IReadOnlyList<string> Values => this.values;

    /// <summary>The children in VyOS order: how <c>show</c> prints them and how conf scripts iterate them.</summary>
    public IEnumerable<ConfigNode> SortedChildren =>
        this.children.Count <= 1 ? this.children : this.children.OrderBy(child => child.Name, VyosNameOrder.Instance);

    /// <summary>The node's <c>comment</c> text, if any.</summary>
    public string? Comment { get; set; }

    public bool IsEmpty => this.children.Count == 0 && this.values.Count == 0;

    public string? FirstValue => this.values.Count > 0 ? this.values[0] : null;

    public ConfigNode? Child(string childName)
    {
        if (this.index is not null) return this.index.GetValueOrDefault(childName);
        foreach (var child in this.children)
        {
            if (child.Name == childName) return child;
        }

        return null;
    }

    public ConfigNode GetOrAddChild(string childName)
    {
        var existing = Child(childName);
        if (existing is not null) return existing;
        var child = new ConfigNode(childName);
        AddChild(child);
        return child;
    }

    public void AddChild(ConfigNode child)
    {
        this.children.Add(child);
        if (this.index is not null) this.index[child.Name] = child;
        else if (this.children.Count > IndexThreshold) this.index = this.children.ToDictionary(node => node.Name, StringComparer.Ordinal);
    }

    public bool RemoveChild(string childName)
    {
        var index = this.children.FindIndex(child => child.Name == childName);
        if (index < 0) return false;
        this.children.RemoveAt(index);
        this.index?.Remove(childName);
        return true;
    }

    /// <summary>Puts <paramref name="replacement"/> in place of the child of that name (or adds it); null removes it.</summary>
    public void ReplaceChild(string childName, ConfigNode? replacement)
    {
        var index = this.children.FindIndex(child => child.Name == childName);
        if (replacement is null)
        {
            if (index >= 0) RemoveChild(childName);
            return;
        }

        if (index < 0)
        {
            AddChild(replacement);
            return;
        }

        this.children[index] = replacement;
        if (this.index is not null) this.index[childName] = replacement;
    }

    /// <returns>False when the value was already there.</returns>
    public bool AddValue(string value)
    {
        if (this.values.Contains(value)) return false;
        this.values.Add(value);
        return true;
    }

    /// <returns>False when the leaf already had exactly this value.</returns>
    public bool ReplaceValue(string value)
    {
        if (this.values.Count == 1 && this.values[0] == value) return false;
        this.values.Clear();
        this.values.Add(value);
        return true;
    }

    public bool RemoveValue(string value) => this.values.Remove(value);

    public ConfigNode DeepClone()
    {
        var copy = new ConfigNode(Name) { Comment = Comment };
        copy.values.AddRange(this.values);
        foreach (var child in this.children) copy.AddChild(child.DeepClone());
        return copy;
    }

    /// <summary>Same names, values (in order), comments and children, whatever order the children were added in.</summary>
    public bool ContentEquals(ConfigNode other)
    {
        if (Name != other.Name || Comment != other.Comment || !this.values.SequenceEqual(other.values)) return false;
        if (this.children.Count != other.children.Count) return false;
        foreach (var child in this.children)
        {
            var match = other.Child(child.Name);
            if (match is null || !child.ContentEquals(match)) return false;
        }

        return true;
    }
}
