namespace NatFunctions.Core.Vyos;

/// <summary>
/// One word of a configuration path (node name or tag value such as a rule number or mapping name). Path words are
/// never quoted by VyOS, so they must be non-empty and free of whitespace, quotes, backslash and control characters.
/// </summary>
public sealed record VyosPathWord
{
    private VyosPathWord(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public static VyosPathWord Create(string text)
    {
        var reason = FindProblem(text);
        if (reason is not null) throw new VyosValueRejectedException(text, reason);
        return new VyosPathWord(text);
    }

    public static bool IsValid(string text) => FindProblem(text) is null;

    public override string ToString() => Text;

    internal static string? FindProblem(string text)
    {
        if (text.Length == 0) return "a path word cannot be empty";
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) return "a path word cannot contain whitespace";
            if (c is '\'' or '"' or '\\' or '`' or '$' or ';' or '|' or '&' or '<' or '>' or '(' or ')' or '{' or '}' or '*' or '?' or '#')
            {
                return $"a path word cannot contain '{c}'";
            }

            if (char.IsControl(c) || char.IsSurrogate(c)) return "a path word cannot contain control characters";
        }

        return null;
    }
}
