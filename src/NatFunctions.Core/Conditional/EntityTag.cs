using System.Security.Cryptography;
using System.Text;

namespace NatFunctions.Core.Conditional;

/// <summary>
/// Strong entity tags of a representation, and the If-None-Match test (RFC 9110 §13.1.2): the header may list
/// several tags, weak (<c>W/"…"</c>) or strong, or be <c>*</c>; the comparison is weak, so <c>W/"x"</c> matches
/// <c>"x"</c>. A header that cannot be parsed matches nothing, which only costs a full 200 answer.
/// </summary>
public static class EntityTag
{
    /// <summary>A quoted strong tag: the first 128 bits of the SHA-256 of the representation's bytes.</summary>
    public static string Compute(string representation) =>
        $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(representation)))[..32]}\"";

    /// <param name="currentTag">The quoted tag of the current representation, as <see cref="Compute"/> makes it.</param>
    /// <param name="ifNoneMatch">Every If-None-Match header value the request carried.</param>
    public static bool IfNoneMatchMatches(string currentTag, IEnumerable<string?> ifNoneMatch)
    {
        ArgumentNullException.ThrowIfNull(currentTag);
        ArgumentNullException.ThrowIfNull(ifNoneMatch);
        var current = Opaque(currentTag);
        foreach (var header in ifNoneMatch)
        {
            if (header is null)
            {
                continue;
            }

            if (header.Trim() == "*")
            {
                return true;
            }

            if (Parse(header) is { } tags && tags.Contains(current, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The opaque tags (with their quotes, without <c>W/</c>) of a comma-separated list, or null when malformed.</summary>
    private static List<string>? Parse(string header)
    {
        var tags = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < header.Length && (header[i] is ' ' or '\t' or ','))
            {
                i++;
            }

            if (i == header.Length)
            {
                return tags;
            }

            if (string.CompareOrdinal(header, i, "W/", 0, 2) == 0)
            {
                i += 2;
            }

            if (i >= header.Length || header[i] != '"')
            {
                return null;
            }

            // A comma is a legal character inside an opaque tag, so the list is split on quotes, not on commas.
            var close = header.IndexOf('"', i + 1);
            if (close < 0)
            {
                return null;
            }

            tags.Add(header[i..(close + 1)]);
            i = close + 1;
            if (i < header.Length && header[i] is not (' ' or '\t' or ','))
            {
                return null;
            }
        }
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
