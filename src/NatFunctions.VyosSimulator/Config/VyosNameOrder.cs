namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// The order VyOS shows sibling nodes and tag values in: vyatta-cfg sorts them with <c>SORT_DEB_VERSION</c>
/// (sagitta:src/cstore/cstore.cpp <c>sort_func_deb_version</c> → libapt-pkg <c>debVersioningSystem::CmpVersion</c>),
/// so a name is compared as a Debian version: an optional epoch before the first <c>:</c>, the upstream part,
/// and a revision after the last <c>-</c> (missing revision = <c>0</c>). Inside each part, runs of digits compare
/// numerically (rule <c>9</c> before rule <c>10</c>), other characters with letters before everything else and
/// <c>~</c> before the end. Multi-value leaves are not sorted (their values keep set order).
/// </summary>
internal sealed class VyosNameOrder : IComparer<string>
{
    public static VyosNameOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var result = DebianVersionName.Parse(x).CompareTo(DebianVersionName.Parse(y));

        // apt calls "010" and "10" equal; std::sort leaves such a pair in either order. Keep the order total.
        return result != 0 ? result : string.CompareOrdinal(x, y);
    }

    /// <summary>The names in VyOS order, each name parsed once.</summary>
    public static string[] Sort(IEnumerable<string> names) =>
        [.. names.Select(name => (Name: name, Version: DebianVersionName.Parse(name)))
            .OrderBy(pair => pair.Version)
            .ThenBy(pair => pair.Name, StringComparer.Ordinal)
            .Select(pair => pair.Name)];
}
