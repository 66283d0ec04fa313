using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Planning;

/// <summary>
/// The planner's former comparison, kept as the oracle for <c>RenderedContent</c>: two subtrees have the same leaf
/// lines (relative path, values, comments), regardless of the order their children were printed or built in.
/// Multi-value order still matters, as it does to VyOS. Sibling names are unique, so matching children by name and
/// recursing is the same as comparing the two sets of leaf lines.
/// </summary>
internal static class ConfigLeaves
{
    public static bool SameContent(ConfigNode? left, ConfigNode? right)
    {
        if (left is null || right is null) return left is null && right is null;
        return SameChildrenAndValues(left, right);
    }

    private static bool SameChildrenAndValues(ConfigNode left, ConfigNode right)
    {
        if (left.Comment != right.Comment) return false;
        if (!left.Values.SequenceEqual(right.Values) || left.Children.Count != right.Children.Count) return false;
        foreach (var child in left.Children)
        {
            var match = right.FindChild(child.Name);
            if (match is null || !SameChildrenAndValues(child, match)) return false;
        }

        return true;
    }
}
