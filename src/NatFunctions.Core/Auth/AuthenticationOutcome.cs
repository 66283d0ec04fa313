namespace NatFunctions.Core.Auth;

public enum AuthenticationOutcome
{
    Authenticated,
    Missing,
    Invalid,
    Expired,
    Revoked,
}
