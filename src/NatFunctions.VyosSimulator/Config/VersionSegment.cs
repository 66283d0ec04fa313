namespace NatFunctions.VyosSimulator.Config;

/// <summary>
/// One group of a Debian version fragment as libapt-pkg walks it: a run of non-digits, then a run of digits. The
/// digits are kept without leading zeros, so <c>007</c> and <c>7</c> are the same number.
/// </summary>
internal readonly record struct VersionSegment(string Text, string Number)
{
    /// <summary>The groups of <paramref name="fragment"/>, in order (<c>eth10</c> → <c>eth</c>+<c>10</c>).</summary>
    public static VersionSegment[] Split(string fragment)
    {
        var segments = new List<VersionSegment>();
        var position = 0;
        while (position < fragment.Length)
        {
            var textStart = position;
            while (position < fragment.Length && !char.IsAsciiDigit(fragment[position])) position++;
            var numberStart = position;
            while (position < fragment.Length && char.IsAsciiDigit(fragment[position])) position++;
            segments.Add(new VersionSegment(fragment[textStart..numberStart], fragment[numberStart..position].TrimStart('0')));
        }

        return [.. segments];
    }

    /// <summary>
    /// dpkg's character order: <c>~</c> before the end of the text, letters (by code) before every other character.
    /// The end of a text run (a digit or the end of the name) weighs 0.
    /// </summary>
    public static int Weight(string text, int index)
    {
        if (index >= text.Length) return 0;
        var c = text[index];
        if (c == '~') return -1;
        return char.IsAsciiLetter(c) ? c : c + 256;
    }

    public int CompareTo(VersionSegment other)
    {
        for (var index = 0; index < Math.Max(Text.Length, other.Text.Length); index++)
        {
            var difference = Weight(Text, index) - Weight(other.Text, index);
            if (difference != 0) return difference;
        }

        // Numbers without leading zeros: the longer is larger, else the first differing digit decides.
        if (Number.Length != other.Number.Length) return Number.Length - other.Number.Length;
        return string.CompareOrdinal(Number, other.Number);
    }
}
