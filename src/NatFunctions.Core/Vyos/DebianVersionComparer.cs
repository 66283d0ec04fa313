namespace NatFunctions.Core.Vyos;

/// <summary>
/// Orders node names the way VyOS's <c>showCfg</c> does (vyatta-cfg <c>SORT_DEB_VERSION</c>): runs of digits compare
/// numerically, so rule <c>50</c> comes before rule <c>100</c>, and the rest compares as dpkg's version comparison,
/// where <c>~</c> sorts before everything, letters before other characters.
/// </summary>
public sealed class DebianVersionComparer : IComparer<string>
{
    public static DebianVersionComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;

        var i = 0;
        var j = 0;
        while (i < x.Length || j < y.Length)
        {
            var firstDifference = 0;
            while ((i < x.Length && !char.IsAsciiDigit(x[i])) || (j < y.Length && !char.IsAsciiDigit(y[j])))
            {
                var left = i < x.Length && !char.IsAsciiDigit(x[i]) ? Weight(x[i]) : 0;
                var right = j < y.Length && !char.IsAsciiDigit(y[j]) ? Weight(y[j]) : 0;
                if (left != right) return left - right;
                i++;
                j++;
            }

            while (i < x.Length && x[i] == '0') i++;
            while (j < y.Length && y[j] == '0') j++;
            while (i < x.Length && char.IsAsciiDigit(x[i]) && j < y.Length && char.IsAsciiDigit(y[j]))
            {
                if (firstDifference == 0) firstDifference = x[i] - y[j];
                i++;
                j++;
            }

            if (i < x.Length && char.IsAsciiDigit(x[i])) return 1;
            if (j < y.Length && char.IsAsciiDigit(y[j])) return -1;
            if (firstDifference != 0) return firstDifference;
        }

        // Equal under version rules (e.g. "010" and "10"): fall back to ordinal so the order stays total.
        return string.CompareOrdinal(x, y);
    }

    private static int Weight(char c)
    {
        if (c == '~') return -1;
        if (char.IsAsciiLetter(c)) return c;
        return c + 256;
    }
}
