namespace NatFunctions.Core.Auth.EntraId;

/// <summary>
/// The caller App Service Authentication (Easy Auth) vouches for, as decoded from <c>X-MS-CLIENT-PRINCIPAL</c>:
/// the identity provider, which claim types carry the name and the roles, and every claim.
/// </summary>
public sealed record ClientPrincipal(string? AuthenticationType, string? NameClaimType, string? RoleClaimType, IReadOnlyList<ClientPrincipalClaim> Claims)
{
    /// <summary>
    /// The <c>auth_typ</c> App Service Authentication writes for its Microsoft Entra provider (<c>aad</c>); other
    /// providers (google, github, twitter, apple, custom OpenID Connect) write their own name.
    /// </summary>
    public const string EntraAuthenticationType = "aad";

    /// <summary>The claim type Microsoft Entra uses for app roles in tokens, whatever <see cref="RoleClaimType"/> says.</summary>
    public const string EntraRolesClaimType = "roles";

    /// <summary>The object id claim as App Service maps it: the stable identity of a user or service principal.</summary>
    public const string ObjectIdClaimType = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    // Tried in order after name_typ: users carry a name or UPN, app-only tokens only their application and object id.
    private static readonly string[] FallbackNameClaimTypes = ["name", "preferred_username", "appid", "azp", "oid", ObjectIdClaimType];

    /// <summary>Whether Microsoft Entra authenticated this principal; app roles from any other provider mean nothing here.</summary>
    public bool IsFromEntra => string.Equals(AuthenticationType, EntraAuthenticationType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Values of the role claims: claims whose type is <see cref="RoleClaimType"/> or <c>roles</c>.</summary>
    public IEnumerable<string> Roles => Claims
        .Where(claim => claim.Type == EntraRolesClaimType || (!string.IsNullOrEmpty(RoleClaimType) && claim.Type == RoleClaimType))
        .Select(claim => claim.Value);

    /// <summary>The human-readable name: the claim of type <see cref="NameClaimType"/>, else the first fallback found.</summary>
    public string? Name
    {
        get
        {
            var types = string.IsNullOrEmpty(NameClaimType) ? FallbackNameClaimTypes : [NameClaimType, .. FallbackNameClaimTypes];
            return types
                .Select(type => Claims.FirstOrDefault(claim => claim.Type == type && !string.IsNullOrWhiteSpace(claim.Value))?.Value)
                .FirstOrDefault(value => value is not null);
        }
    }

    /// <summary>What identifies the principal over time: the object id when present, else the name.</summary>
    public string? StableId =>
        Claims.FirstOrDefault(claim => claim.Type is ObjectIdClaimType or "oid" && !string.IsNullOrWhiteSpace(claim.Value))?.Value ?? Name;
}
