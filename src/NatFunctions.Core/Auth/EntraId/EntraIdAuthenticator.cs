using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Auth.EntraId;

/// <summary>
/// Turns the App Service client principal into a <see cref="Caller"/>: the highest of our roles that any of its app
/// roles maps to, named by its name claim. Only trustworthy behind App Service Authentication, which removes
/// client-sent <c>X-MS-*</c> headers; hence off unless configured (see docs/security.md).
/// </summary>
public sealed class EntraIdAuthenticator(EntraIdSettings settings)
{
    /// <summary>Callers from Entra ID have key prefixes starting with this, so they never collide with API keys.</summary>
    public const string KeyPrefixStart = "entra-";

    // Audit rows and key names hold at most 63 characters; a longer name (a long UPN) is cut, never refused.
    private const int MaxNameLength = 63;

    // Prefixes are at most 16 characters (idempotency records, rate-limit buckets): "entra-" + 10 hex digits.
    private const int KeyPrefixHashDigits = 10;

    public bool Enabled => settings.Enabled;

    public AuthenticationResult Authenticate(string? header)
    {
        if (!settings.Enabled || string.IsNullOrEmpty(header))
        {
            return AuthenticationResult.Failed(AuthenticationOutcome.Missing);
        }

        var principal = ClientPrincipalDecoder.TryDecode(header);
        var name = principal?.Name?.Trim();
        if (principal is null || !principal.IsFromEntra || name is null || !IsPrintable(name))
        {
            return AuthenticationResult.Failed(AuthenticationOutcome.MalformedPrincipal);
        }

        var mapped = principal.Roles
            .Select(appRole => settings.RoleMap.TryGetValue(appRole, out var role) ? role : (ApiRole?)null)
            .Where(role => role is not null)
            .Max();
        if (mapped is not { } granted)
        {
            return new AuthenticationResult(AuthenticationOutcome.NoMappedRole, null);
        }

        var caller = new Caller(Shorten(name), granted, KeyPrefixFor(principal.StableId ?? name));
        return new AuthenticationResult(AuthenticationOutcome.Authenticated, caller);
    }

    private static string Shorten(string name)
    {
        if (name.Length <= MaxNameLength)
        {
            return name;
        }

        // Never cut a surrogate pair in half.
        return name[..(char.IsHighSurrogate(name[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength)];
    }

    private static string KeyPrefixFor(string stableId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(stableId));
        return KeyPrefixStart + Convert.ToHexStringLower(hash)[..KeyPrefixHashDigits];
    }

    // Names end up in logs and audit rows: no line breaks, control or invisible format characters, no broken UTF-16
    // (a JSON "\ud800" escape decodes to a lone surrogate).
    private static bool IsPrintable(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || char.IsControl(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }

        return name.Length > 0;
    }
}
