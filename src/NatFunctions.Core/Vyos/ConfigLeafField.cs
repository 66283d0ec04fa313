namespace NatFunctions.Core.Vyos;

/// <summary>
/// One field of a managed object as it sits under the object's node: the path words below the object and either
/// the value it holds (null: not set) or, for a valueless leaf such as <c>disable</c>, whether it is there.
/// <see cref="FindValueProblem"/> says why VyOS would refuse a value of this field (null: it would take it).
/// </summary>
internal sealed record ConfigLeafField<T>(string[] Words, Func<T, string?>? Value, Func<T, bool>? Flag, Func<string, string?>? FindValueProblem = null)
{
    public static ConfigLeafField<T> Valued(string[] words, Func<T, string?> value, Func<string, string?> findValueProblem) =>
        new(words, value, null, findValueProblem);

    public static ConfigLeafField<T> Valueless(string[] words, Func<T, bool> present) => new(words, null, present);

    /// <summary>Whether the object has this field; <paramref name="value"/> is its value (null for a flag).</summary>
    public bool IsPresent(T item, out string? value)
    {
        if (Flag is not null)
        {
            value = null;
            return Flag(item);
        }

        value = Value!(item);
        return value is not null;
    }
}
