namespace NatFunctions.Core.Vyos;

/// <summary>How <c>set</c> treats a leaf that already has values; only the schema knows, so the caller says.</summary>
public enum ValueMode
{
    /// <summary>Single-value leaf: the new value replaces the old one.</summary>
    Replace,

    /// <summary>Multi-value leaf (<c>&lt;multi/&gt;</c>): the value is added after the existing ones.</summary>
    Append,
}
