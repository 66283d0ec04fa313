using System.Globalization;
using System.Text;

namespace NatFunctions.Core.Audit;

/// <summary>
/// The keyset cursor of the audit log: the id of the last session of a page, opaque to callers (base64url of
/// <c>change:&lt;id&gt;</c>) so they do not start doing arithmetic on it.
/// </summary>
public static class ChangeCursor
{
    private const string Prefix = "change:";
    private const int MaxLength = 64;

    public static string Encode(long lastId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + lastId.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string cursor, out long lastId)
    {
        lastId = 0;
        if (cursor.Length is 0 or > MaxLength)
        {
            return false;
        }

        var padded = cursor.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, written);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out lastId)
            && lastId > 0;
    }
}
