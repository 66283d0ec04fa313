namespace NatFunctions.Core.Networking;

/// <summary>
/// A unicast Ethernet MAC address, accepted as <c>52:54:00:AB:CD:EF</c>, <c>52-54-00-ab-cd-ef</c> or
/// <c>5254.00ab.cdef</c>, and always stored and sent in lower-case colon form so uniqueness is real.
/// </summary>
public static class MacAddress
{
    public const string Rule = "a unicast MAC address such as 52:54:00:ab:cd:ef";

    public static bool TryNormalise(string? text, out string normalised)
    {
        normalised = string.Empty;
        if (text is null || text.Length is < 12 or > 17)
        {
            return false;
        }

        var hex = text.Length switch
        {
            17 when IsSeparated(text, ':') || IsSeparated(text, '-') => string.Concat(text.Where(c => c is not (':' or '-'))),
            14 when text[4] == '.' && text[9] == '.' => text.Replace(".", string.Empty, StringComparison.Ordinal),
            12 => text,
            _ => null,
        };
        if (hex is null || hex.Length != 12 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hex = hex.ToLowerInvariant();
        var firstOctet = Convert.ToByte(hex[..2], 16);
        if ((firstOctet & 1) == 1 || hex == "000000000000")
        {
            return false;
        }

        normalised = string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(i * 2, 2)));
        return true;
    }

    private static bool IsSeparated(string text, char separator) =>
        Enumerable.Range(1, 5).All(i => text[(i * 3) - 1] == separator);
}
