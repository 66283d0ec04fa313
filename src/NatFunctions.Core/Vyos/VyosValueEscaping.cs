using System.Globalization;
using System.Text;

namespace NatFunctions.Core.Vyos;

/// <summary>
/// The escaping <c>show configuration commands</c> applies inside single-quoted leaf values (vyos1x-config
/// <c>Util.escape_string</c>): backslash-escapes <c>"</c> and <c>\</c>, writes control characters as <c>\n</c>,
/// <c>\r</c>, <c>\t</c> or <c>\xHH</c>, and leaves everything else (UTF-8 included) alone. A single quote is not
/// escaped: VyOS refuses it in values, and the parser reads up to the last quote of the line, so it still round-trips.
/// </summary>
public static class VyosValueEscaping
{
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) && c < 0x100)
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>. An unknown escape keeps the escaped character.</summary>
    public static string Unescape(string escaped)
    {
        if (!escaped.Contains('\\')) return escaped;

        var builder = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\\' || i == escaped.Length - 1)
            {
                builder.Append(c);
                continue;
            }

            var next = escaped[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'x' when i + 2 < escaped.Length
                              && byte.TryParse(escaped.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 2;
                    break;
                default: builder.Append(next); break;
            }
        }

        return builder.ToString();
    }
}
