using Microsoft.AspNetCore.Http;

namespace NatFunctions.Http;

/// <summary>
/// How the API reads its query string, the same for every operation: a parameter sent more than once
/// (<c>?router=a&amp;router=b</c>) counts with its last value; an absent one is null.
/// </summary>
public static class QueryParameters
{
    /// <summary>The last value of <paramref name="name"/>, or null when the query does not carry it.</summary>
    public static string? LastValue(this IQueryCollection query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = query[name];
        return values.Count == 0 ? null : values[^1];
    }

    /// <summary>
    /// A <c>true</c>/<c>false</c> switch (case-insensitive); absent or empty is false. False when the value is anything
    /// else: answer <see cref="Problems.NotAFlag"/>.
    /// </summary>
    public static bool TryReadFlag(this IQueryCollection query, string name, out bool flag)
    {
        flag = false;
        var text = query.LastValue(name);
        return string.IsNullOrEmpty(text) || bool.TryParse(text, out flag);
    }
}
