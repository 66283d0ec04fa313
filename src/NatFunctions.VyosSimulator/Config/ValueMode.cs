namespace NatFunctions.VyosSimulator.Config;

/// <summary>How <c>set</c> treats a leaf that already has values; the schema decides (<c>&lt;multi/&gt;</c>).</summary>
internal enum ValueMode
{
    /// <summary>Single-value leaf: the new value replaces the old one.</summary>
    Replace,

    /// <summary>Multi-value leaf: the value is added after the existing ones (VyOS keeps their set order).</summary>
    Append,
}
