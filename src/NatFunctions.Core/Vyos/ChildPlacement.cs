namespace NatFunctions.Core.Vyos;

/// <summary>Where a newly created child node goes among its siblings.</summary>
public enum ChildPlacement
{
    /// <summary>After the existing children: keeps the order of text being parsed, so it prints back unchanged.</summary>
    Append,

    /// <summary>Where VyOS would list it (Debian version order of names).</summary>
    VyosOrder,
}
