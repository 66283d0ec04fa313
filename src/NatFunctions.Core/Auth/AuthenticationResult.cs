namespace NatFunctions.Core.Auth;

public sealed record AuthenticationResult(AuthenticationOutcome Outcome, Caller? Caller)
{
    public static AuthenticationResult Failed(AuthenticationOutcome outcome) => new(outcome, null);
}
