using System.Globalization;
using NatFunctions.Core.Paging;

namespace NatFunctions.Core.Audit;

/// <summary>
/// The keyset cursor of the audit log: the id of the last session of a page, opaque to callers (base64url of
/// <c>change:&lt;id&gt;</c>) so they do not start doing arithmetic on it.
/// </summary>
public static class ChangeCursor
{
    private const string Prefix = "change:";
    private const int MaxLength = 64;

    public static string Encode(long lastId) => OpaqueCursor.Encode(Prefix + lastId.ToString(CultureInfo.InvariantCulture));

    public static bool TryDecode(string cursor, out long lastId)
    {
        lastId = 0;
        return OpaqueCursor.TryDecode(cursor, MaxLength, out var text)
            && text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out lastId)
            && lastId > 0;
    }
}
