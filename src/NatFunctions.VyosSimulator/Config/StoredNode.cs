namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// What vyatta-cfg keeps in one node's directory (sagitta:src/cstore/unionfs/cstore-unionfs.cpp): the names of its
/// sub-directories (child nodes; a tag node's values are sub-directories too), the leaf's <c>node.val</c> (one value
/// a line, in set order: <c>write_value_vec</c>) and the <c>.comment</c> file.
/// </summary>
internal sealed class StoredNode
{
    private static readonly string[] NoChildren = [];

    // Created with the first child: most nodes of a config are leaves.
    private HashSet<string>? childNames;
    private string[]? childNamesInOrder;

    /// <summary>The <c>node.val</c> lines; empty for a node that is not a leaf or a valueless leaf.</summary>
    public List<string> Values { get; } = [];

    /// <summary>The <c>.comment</c> file's text, if any.</summary>
    public string? Comment { get; set; }

    public int ChildCount => this.childNames?.Count ?? 0;

    /// <summary>The sub-directories as vyatta-cfg lists them: sorted with <see cref="VyosNameOrder"/>.</summary>
    public IReadOnlyList<string> ChildNames =>
        this.childNames is null ? NoChildren : this.childNamesInOrder ??= VyosNameOrder.Sort(this.childNames);

    /// <summary>An empty directory: vyatta-cfg removes it when it is a tag value or a tag node's last one goes.</summary>
    public bool IsEmpty => ChildCount == 0 && Values.Count == 0;

    public void Link(string name)
    {
        this.childNames ??= new HashSet<string>(StringComparer.Ordinal);
        if (this.childNames.Add(name)) this.childNamesInOrder = null;
    }

    public void Unlink(string name)
    {
        if (this.childNames?.Remove(name) == true) this.childNamesInOrder = null;
    }

    public StoredNode Copy()
    {
        // The sorted listing is never changed in place (a change drops it), so the copy may share it.
        var copy = new StoredNode { Comment = Comment, childNamesInOrder = this.childNamesInOrder };
        copy.Values.AddRange(Values);
        if (this.childNames is not null) copy.childNames = new HashSet<string>(this.childNames, StringComparer.Ordinal);
        return copy;
    }

    /// <summary>The same <c>node.val</c> lines and comment (the children are compared as paths of their own).</summary>
    public bool SameFiles(StoredNode other) => Comment == other.Comment && Values.SequenceEqual(other.Values);
}
