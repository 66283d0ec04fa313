using System.Globalization;

namespace NatFunctions.Core.Vyos;

/// <summary>
/// A leaf value that can be sent to VyOS inside single quotes and comes back unchanged from
/// <c>show configuration commands</c>. VyOS refuses <c>'</c>, <c>"</c> and newlines in values (vyatta-cfg
/// <c>validate_value</c>); we also refuse backslash (escaped differently by the shell and by the config renderer),
/// every other control character, Unicode line/paragraph separators and format characters (invisible, and
/// treated as line breaks by some readers), and broken UTF-16.
/// </summary>
public sealed record VyosValue
{
    private VyosValue(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public static VyosValue Create(string text)
    {
        var reason = FindProblem(text);
        if (reason is not null) throw new VyosValueRejectedException(text, reason);
        return new VyosValue(text);
    }

    public static bool TryCreate(string text, out VyosValue? value, out string? reason)
    {
        reason = FindProblem(text);
        value = reason is null ? new VyosValue(text) : null;
        return value is not null;
    }

    /// <summary>The value as typed on the VyOS command line: <c>'text'</c>.</summary>
    public string Quoted => "'" + Text + "'";

    public override string ToString() => Quoted;

    internal static string? FindProblem(string text)
    {
        if (HasBrokenSurrogates(text)) return "it contains broken UTF-16";
        foreach (var c in text)
        {
            switch (c)
            {
                case '\'': return "it contains a single quote (')";
                case '"': return "it contains a double quote (\")";
                case '\\': return "it contains a backslash (\\)";
                case '\n' or '\r': return "it contains a line break";
            }

            if (char.IsControl(c)) return "it contains a control character";

            // No printable ASCII character is a separator or format character; skipping the category lookup for
            // them keeps checking every value of a big router cheap.
            if (char.IsAscii(c)) continue;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) return "it contains a line break";
            if (category is UnicodeCategory.Format) return "it contains an invisible format character";
        }

        return null;
    }

    private static bool HasBrokenSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return true;
                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
