namespace NatFunctions.Core.Vyos;

/// <summary>
/// Shares the strings of words and values that repeat while a config is parsed: <c>description</c>,
/// <c>translation</c>, <c>tcp</c> and the interface names occur on every rule of a big router, and one string each
/// instead of one per line is most of what a parsed tree would otherwise allocate. A fixed table of recent strings
/// by hash (a miss overwrites its slot), so unique words (rule numbers, descriptions) cost no bookkeeping and the
/// pool never grows; a word already in its slot allocates nothing.
/// </summary>
internal sealed class ConfigWordPool
{
    private const int Slots = 4096;

    private readonly string?[] slots = new string?[Slots];

    public string Get(ReadOnlySpan<char> word)
    {
        ref var slot = ref this.slots[string.GetHashCode(word) & (Slots - 1)];
        if (slot is not null && word.SequenceEqual(slot)) return slot;
        var text = word.ToString();
        slot = text;
        return text;
    }
}
