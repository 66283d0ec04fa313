using System.Text;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Security;

/// <summary>
/// A LocalHost with Entra ID enabled and three app roles mapped. Tests play App Service Authentication by sending
/// the <c>X-MS-CLIENT-PRINCIPAL</c> header it would add.
/// </summary>
public sealed class EntraIdFixture : LocalHostFixture
{
    public const string NameClaimType = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    public const string RoleClaimType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    public HttpClient ClientAs(string name, params string[] appRoles) =>
        ClientWithPrincipal(Principal([(NameClaimType, name), .. appRoles.Select(role => ("roles", role))]));

    public HttpClient ClientWithPrincipal(string header)
    {
        var client = ApiClients.Create(Host.BaseAddress);
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", header);
        return client;
    }

    /// <summary>The header as App Service builds it: base64 of the claims JSON.</summary>
    public static string Principal(IEnumerable<(string Type, string Value)> claims) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        claims = claims.Select(claim => new { typ = claim.Type, val = claim.Value }),
        name_typ = NameClaimType,
        role_typ = RoleClaimType,
    })));

    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        environment["Auth__EntraId__Enabled"] = "true";
        // What App Service sets while its Authentication runs; Entra ID refuses to start without it.
        environment["WEBSITE_AUTH_ENABLED"] = "True";
        environment["Auth__EntraId__RoleMap__NatFunctions.Admin"] = "admin";
        environment["Auth__EntraId__RoleMap__NatFunctions.Operator"] = "operator";
        environment["Auth__EntraId__RoleMap__NatFunctions.Reader"] = "reader";
    }
}
