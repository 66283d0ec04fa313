namespace NatFunctions.VyosSimulator.Schema;

internal enum SchemaNodeKind
{
    Node,
    Tag,
    Leaf,
}
