using System.Text;
using System.Text.Json;

namespace NatFunctions.Core.Auth.EntraId;

/// <summary>
/// Decodes the <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 of a JSON object
/// <c>{"auth_typ": "...", "name_typ": "...", "role_typ": "...", "claims": [{"typ": "...", "val": "..."}]}</c>.
/// Anything else (not base64, not UTF-8 JSON, wrong shape or types, duplicate properties, a lone surrogate escape in
/// any string, oversized) is null.
/// </summary>
public static class ClientPrincipalDecoder
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Larger than any principal App Service sends (group overage replaces long group lists), small enough to parse cheaply.</summary>
    public const int MaxHeaderLength = 64 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8, AllowDuplicateProperties = false };

    public static ClientPrincipal? TryDecode(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        var bytes = new byte[header.Length];
        if (!Convert.TryFromBase64String(header.Trim(), bytes, out var length))
        {
            return null;
        }

        string json;
        try
        {
            json = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // A "\ud800" escape is valid JSON but not valid UTF-16: GetString() refuses it. Malformed, never a 500.
            return null;
        }
    }

    private static ClientPrincipal? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("claims", out var claimsElement)
            || claimsElement.ValueKind != JsonValueKind.Array
            || !TryOptionalText(root, "auth_typ", out var authenticationType)
            || !TryOptionalText(root, "name_typ", out var nameType)
            || !TryOptionalText(root, "role_typ", out var roleType))
        {
            return null;
        }

        var claims = new List<ClientPrincipalClaim>();
        foreach (var element in claimsElement.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object
                || !element.TryGetProperty("typ", out var type) || type.ValueKind != JsonValueKind.String
                || !element.TryGetProperty("val", out var value) || value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            claims.Add(new ClientPrincipalClaim(type.GetString()!, value.GetString()!));
        }

        return new ClientPrincipal(authenticationType, nameType, roleType, claims);
    }

    private static bool TryOptionalText(JsonElement root, string property, out string? text)
    {
        text = null;
        if (!root.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        text = element.GetString();
        return true;
    }
}
