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
        var result = CompareVersions(x, y);

        // apt calls "010" and "10" equal; std::sort leaves such a pair in either order. Keep the order total.
        return result != 0 ? result : string.CompareOrdinal(x, y);
    }

    private static int CompareVersions(string a, string b)
    {
        var (epochA, restA) = SplitEpoch(a);
        var (epochB, restB) = SplitEpoch(b);
        var result = CompareFragment(epochA, epochB);
        if (result != 0) return result;

        var dashA = restA.LastIndexOf('-');
        var dashB = restB.LastIndexOf('-');
        var upstreamA = dashA < 0 ? restA : restA[..dashA];
        var upstreamB = dashB < 0 ? restB : restB[..dashB];
        result = CompareFragment(upstreamA, upstreamB);
        if (result != 0) return result;

        // No revision compares like revision "0".
        if (dashA < 0 && dashB < 0) return 0;
        var revisionA = dashA < 0 ? "0" : restA[(dashA + 1)..];
        var revisionB = dashB < 0 ? "0" : restB[(dashB + 1)..];
        return CompareFragment(revisionA, revisionB);
    }

    private static (string Epoch, string Remainder) SplitEpoch(string text)
    {
        var colon = text.IndexOf(':');
        if (colon < 0) return (string.Empty, text);

        // A zero epoch is the same as none.
        var epoch = text[..colon].TrimStart('0');
        return (epoch, text[(colon + 1)..]);
    }

    private static int CompareFragment(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            while (i < a.Length && j < b.Length && (!char.IsAsciiDigit(a[i]) || !char.IsAsciiDigit(b[j])))
            {
                var left = Order(a[i]);
                var right = Order(b[j]);
                if (left != right) return left - right;
                i++;
                j++;
            }

            while (i < a.Length && a[i] == '0') i++;
            while (j < b.Length && b[j] == '0') j++;
            var firstDifference = 0;
            while (i < a.Length && j < b.Length && char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                if (firstDifference == 0) firstDifference = a[i] - b[j];
                i++;
                j++;
            }

            if (i < a.Length && char.IsAsciiDigit(a[i])) return 1;
            if (j < b.Length && char.IsAsciiDigit(b[j])) return -1;
            if (firstDifference != 0) return firstDifference;
        }

        if (i == a.Length && j == b.Length) return 0;
        if (i == a.Length) return b[j] == '~' ? 1 : -1;
        return a[i] == '~' ? -1 : 1;
    }

    private static int Order(char c)
    {
        if (char.IsAsciiDigit(c)) return 0;
        if (char.IsAsciiLetter(c)) return c;
        if (c == '~') return -1;
        return c + 256;
    }
}
