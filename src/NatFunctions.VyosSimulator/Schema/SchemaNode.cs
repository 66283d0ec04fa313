namespace NatFunctions.VyosSimulator.Schema;

/// <summary>
/// The part of the VyOS interface definitions the simulator knows: plain nodes, tag nodes (with a constraint on the
/// tag value) and leaves. A node marked <see cref="AcceptsAnyChild"/> takes unknown children without checking them,
/// for config areas the product never touches.
/// </summary>
internal sealed class SchemaNode
{
    private readonly Dictionary<string, SchemaNode> children = new(StringComparer.Ordinal);

    private SchemaNode(SchemaNodeKind kind)
    {
        Kind = kind;
    }

    public SchemaNodeKind Kind { get; }

    /// <summary>For a leaf: its value check; for a tag node: the check of the tag value.</summary>
    public ValueConstraint? Constraint { get; private init; }

    public bool IsValueless { get; private init; }

    public bool IsMulti { get; private init; }

    public bool AcceptsAnyChild { get; private init; }

    public static SchemaNode Node(params (string Name, SchemaNode Node)[] children) => WithChildren(new SchemaNode(SchemaNodeKind.Node), children);

    public static SchemaNode OpenNode(params (string Name, SchemaNode Node)[] children) =>
        WithChildren(new SchemaNode(SchemaNodeKind.Node) { AcceptsAnyChild = true }, children);

    public static SchemaNode Tag(ValueConstraint? tagConstraint, params (string Name, SchemaNode Node)[] children) =>
        WithChildren(new SchemaNode(SchemaNodeKind.Tag) { Constraint = tagConstraint }, children);

    public static SchemaNode OpenTag(ValueConstraint? tagConstraint, params (string Name, SchemaNode Node)[] children) =>
        WithChildren(new SchemaNode(SchemaNodeKind.Tag) { Constraint = tagConstraint, AcceptsAnyChild = true }, children);

    public static SchemaNode Leaf(ValueConstraint? constraint = null, bool multi = false) =>
        new(SchemaNodeKind.Leaf) { Constraint = constraint, IsMulti = multi };

    public static SchemaNode Valueless() => new(SchemaNodeKind.Leaf) { IsValueless = true };

    /// <summary>A node we know nothing about: everything below it is accepted.</summary>
    public static SchemaNode Unknown() => new(SchemaNodeKind.Node) { AcceptsAnyChild = true };

    public SchemaNode? Child(string name) => this.children.GetValueOrDefault(name);

    private static SchemaNode WithChildren(SchemaNode node, (string Name, SchemaNode Node)[] children)
    {
        foreach (var (name, child) in children) node.children.Add(name, child);
        return node;
    }
}
