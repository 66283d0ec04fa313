using System.Security.Cryptography;
using System.Text;

namespace NatFunctions.Core.Auth;

/// <summary>
/// The text of an API key: <c>nfk_&lt;prefix&gt;_&lt;secret&gt;</c>. The prefix is public and finds the stored row;
/// only the SHA-256 of the whole text is stored, so a database leak does not leak working keys.
/// </summary>
public sealed class ApiKeySecret
{
    public const string Scheme = "nfk";
    private const int PrefixLength = 12;
    private const int SecretBytes = 32;
    private const int MaxKeyLength = 128;
    private const string PrefixAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private ApiKeySecret(string text, string prefix)
    {
        Text = text;
        Prefix = prefix;
    }

    public string Text { get; }

    public string Prefix { get; }

    public byte[] Hash => ComputeHash(Text);

    public static ApiKeySecret Generate()
    {
        var prefix = RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));
        return new ApiKeySecret($"{Scheme}_{prefix}_{secret}", prefix);
    }

    /// <summary>Reads a presented key; null when it is not shaped like one of ours (so it cannot match any row).</summary>
    public static ApiKeySecret? TryParse(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > MaxKeyLength)
        {
            return null;
        }

        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0] != Scheme || parts[1].Length != PrefixLength || parts[2].Length == 0)
        {
            return null;
        }

        if (!parts[1].All(PrefixAlphabet.Contains) || !parts[2].All(IsBase64UrlChar))
        {
            return null;
        }

        return new ApiKeySecret(presented, parts[1]);
    }

    public static byte[] ComputeHash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>Compares in time independent of where the inputs differ, so response timing reveals nothing.</summary>
    public static bool HashesMatch(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual) =>
        CryptographicOperations.FixedTimeEquals(expected, actual);

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
