namespace NatFunctions.Core.Vyos;

/// <summary>
/// One configuration-mode command, built only from validated parts, so its text is always safe to send:
/// <c>set nat destination rule 10 protocol 'tcp'</c> or <c>delete nat destination rule 10</c>.
/// </summary>
public sealed record VyosCommand(VyosCommandOperation Operation, IReadOnlyList<VyosPathWord> Path, VyosValue? Value = null)
{
    public static VyosCommand Set(IEnumerable<string> path, string? value = null) =>
        new(VyosCommandOperation.Set, ToWords(path), value is null ? null : VyosValue.Create(value));

    public static VyosCommand Delete(IEnumerable<string> path, string? value = null) =>
        new(VyosCommandOperation.Delete, ToWords(path), value is null ? null : VyosValue.Create(value));

    public string Text
    {
        get
        {
            var verb = Operation == VyosCommandOperation.Set ? "set" : "delete";
            var text = verb + " " + string.Join(' ', Path.Select(word => word.Text));
            return Value is null ? text : text + " " + Value.Quoted;
        }
    }

    public override string ToString() => Text;

    public bool Equals(VyosCommand? other) => other is not null && Text == other.Text;

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    private static VyosPathWord[] ToWords(IEnumerable<string> path)
    {
        var words = path.Select(VyosPathWord.Create).ToArray();
        if (words.Length == 0) throw new ArgumentException("A command needs a configuration path.", nameof(path));
        return words;
    }
}
