using System.Text;
using System.Text.Json;

namespace NatFunctions.Core.Tests.Auth;

/// <summary>Builds <c>X-MS-CLIENT-PRINCIPAL</c> values the way App Service Authentication does for Entra ID.</summary>
internal static class ClientPrincipalEncoding
{
    public const string NameType = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    public const string RoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    public static string Encode(params (string Type, string Value)[] claims) => EncodeJson(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        claims = claims.Select(claim => new { typ = claim.Type, val = claim.Value }),
        name_typ = NameType,
        role_typ = RoleType,
    }));

    public static string EncodeJson(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
