namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// A look at one node of a <see cref="ConfigStore"/> by its path, as the conf scripts and the printer read it: its
/// name, its children in VyOS order, its <c>node.val</c> values and its comment. Holds nothing of its own.
/// </summary>
/// <remarks>It reads the stored node it was made for; after that node is deleted it still shows it as it was.</remarks>
internal sealed class ConfigNode(ConfigStore store, string storedPath, string name, StoredNode stored)
{
    public string Name { get; } = name;

    /// <summary>Child nodes (or tag values) sorted as vyatta-cfg lists them; conf scripts iterate them in this order.</summary>
    public IReadOnlyList<ConfigNode> Children =>
        [.. Stored.ChildNames.Select(childName => store.At(ConfigStore.ChildPath(storedPath, childName), childName)!)];

    public bool HasChildren => Stored.ChildCount > 0;

    public IReadOnlyList<string> Values => Stored.Values;

    public string? FirstValue => Stored.Values.Count > 0 ? Stored.Values[0] : null;

    public string? Comment => Stored.Comment;

    public bool IsEmpty => Stored.IsEmpty;

    private StoredNode Stored { get; } = stored;

    public ConfigNode? Child(string childName) => store.At(ConfigStore.ChildPath(storedPath, childName), childName);

    /// <summary>The same values, comments and child nodes all the way down, whatever order they were set in.</summary>
    public bool ContentEquals(ConfigNode other)
    {
        if (Name != other.Name || !Stored.SameFiles(other.Stored) || Stored.ChildCount != other.Stored.ChildCount) return false;
        foreach (var child in Children)
        {
            if (other.Child(child.Name) is not { } theirs || !child.ContentEquals(theirs)) return false;
        }

        return true;
    }
}
