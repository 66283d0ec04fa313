namespace NatFunctions.Core.Planning;

/// <summary>
/// Compares two subtrees by content: the same leaf lines (relative path, values, comments), regardless of the order
/// their children were printed or built in. Multi-value order still matters, as it does to VyOS.
/// </summary>
/// <remarks>
/// Sibling names are unique, so matching children by name and recursing is the same as comparing the two sets of
/// leaf lines, without building them: the planner runs this once per owned rule, thousands of times per reconcile.
/// </remarks>
internal static class ConfigLeaves
{
    public static bool SameContent(Vyos.ConfigNode? left, Vyos.ConfigNode? right)
    {
        if (left is null || right is null) return left is null && right is null;
        return SameChildrenAndValues(left, right);
    }

    private static bool SameChildrenAndValues(Vyos.ConfigNode left, Vyos.ConfigNode right)
    {
        if (left.Comment != right.Comment) return false;
        if (left.Values.Count != right.Values.Count || left.Children.Count != right.Children.Count) return false;
        for (var index = 0; index < left.Values.Count; index++)
        {
            if (left.Values[index] != right.Values[index]) return false;
        }

        foreach (var child in left.Children)
        {
            var match = right.FindChild(child.Name);
            if (match is null || !SameChildrenAndValues(child, match)) return false;
        }

        return true;
    }
}
