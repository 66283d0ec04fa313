namespace NatFunctions.Core.Vyos;

/// <summary>
/// The children of a node with many of them (a router's NAT rules, DHCP mappings): the ordered list and a name
/// index beside it, so finding one of 15,000 rules is a lookup and parsing or planning stays linear.
/// </summary>
internal sealed class IndexedChildren
{
    private readonly Dictionary<string, ConfigNode> byName;

    public IndexedChildren(IEnumerable<ConfigNode> children)
    {
        Ordered = [.. children];
        this.byName = new Dictionary<string, ConfigNode>(Ordered.Count * 2, StringComparer.Ordinal);
        foreach (var child in Ordered) this.byName[child.Name] = child;
        ByText = this.byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public List<ConfigNode> Ordered { get; }

    /// <summary>The index looked up by a word still inside the text it was read from.</summary>
    public Dictionary<string, ConfigNode>.AlternateLookup<ReadOnlySpan<char>> ByText { get; }

    public ConfigNode? Find(string name) => this.byName.GetValueOrDefault(name);

    public void Insert(int position, ConfigNode child)
    {
        Ordered.Insert(position, child);
        this.byName[child.Name] = child;
    }

    public bool RemoveAll(string name)
    {
        this.byName.Remove(name);
        return Ordered.RemoveAll(child => child.Name == name) > 0;
    }

    public void ReplaceAt(int position, ConfigNode replacement)
    {
        this.byName.Remove(Ordered[position].Name);
        Ordered[position] = replacement;
        this.byName[replacement.Name] = replacement;
    }
}
