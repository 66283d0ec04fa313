using System.Text;

namespace NatFunctions.Core.Paging;

/// <summary>
/// A keyset cursor as callers see it: the text of the page's last key, base64url without padding, so it is opaque
/// (callers pass it back instead of doing arithmetic on it) and safe in a query string. What the text means is up to
/// the list that made it (<see cref="Audit.ChangeCursor"/>, the VM list).
/// </summary>
public static class OpaqueCursor
{
    public static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The text inside <paramref name="cursor"/>; false when it is empty, longer than <paramref name="maxLength"/> or not base64url.</summary>
    public static bool TryDecode(string cursor, int maxLength, out string text)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        text = string.Empty;
        if (cursor.Length == 0 || cursor.Length > maxLength)
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

        text = Encoding.UTF8.GetString(buffer, 0, written);
        return true;
    }
}
