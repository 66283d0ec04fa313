namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// The order VyOS shows sibling nodes and tag values in: vyatta-cfg sorts them with <c>SORT_DEB_VERSION</c>
/// (sagitta:src/cstore/cstore.cpp <c>sort_func_deb_version</c> → libapt-pkg <c>debVersioningSystem::CmpVersion</c>),
/// so a name is compared as a Debian version: an optional epoch before the first <c>:</c>, the upstream part,
/// and a revision after the last <c>-</c> (missing revision = <c>0</c>). Inside each part, runs of digits compare
/// numerically (rule <c>9</c> before rule <c>10</c>), other characters with letters before everything else and
/// <c>~</c> before the end. Multi-value leaves are not sorted (their values keep set order).
/// </summary>
internal static class VyosNameOrder
{
    /// <summary>The order as a comparer, for sorting outside the store (tests, LINQ's <c>Order</c>).</summary>
    public static IComparer<string> Instance { get; } = Comparer<string>.Create(CompareNames);

    /// <summary>The names in VyOS order, each name parsed once.</summary>
    public static string[] Sort(IEnumerable<string> names) =>
        [.. names.Select(name => (Name: name, Version: DebianVersionName.Parse(name)))
            .OrderBy(pair => pair.Version)
            .ThenBy(pair => pair.Name, StringComparer.Ordinal)
            .Select(pair => pair.Name)];

    private static int CompareNames(string? left, string? right)
    {
        // Names are never null in a store; Comparer<T>.Create passes nulls on only when a caller sorts them.
        if (left is null || right is null) return (left is null ? 0 : 1) - (right is null ? 0 : 1);
        var byVersion = DebianVersionName.Parse(left).CompareTo(DebianVersionName.Parse(right));

        // apt calls "010" and "10" equal; std::sort leaves such a pair in either order. Keep the order total.
        return byVersion != 0 ? byVersion : string.CompareOrdinal(left, right);
    }
}
