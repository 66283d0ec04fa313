namespace NatFunctions.Core.Vyos;

/// <summary>
/// One string per distinct word or value while a config is parsed: <c>description</c>, <c>translation</c>,
/// <c>'tcp'</c> and the interface names repeat on every rule of a big router, and sharing them is most of what a
/// parsed tree would otherwise allocate. Looked up by span, so a word already seen allocates nothing.
/// </summary>
internal sealed class ConfigWordPool
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public ConfigWordPool()
    {
        _bySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(ReadOnlySpan<char> word)
    {
        if (_bySpan.TryGetValue(word, out var known)) return known;
        var text = word.ToString();
        _words.Add(text);
        return text;
    }
}
