namespace NatFunctions.Core.Auth;

public enum AuthenticationOutcome
{
    Authenticated,
    Missing,
    Invalid,
    Expired,
    Revoked,

    /// <summary>An App Service client principal header that cannot be decoded (401).</summary>
    MalformedPrincipal,

    /// <summary>A valid client principal none of whose app roles maps to one of ours (403).</summary>
    NoMappedRole,
}
