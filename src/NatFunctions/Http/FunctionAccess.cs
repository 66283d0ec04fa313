using NatFunctions.Core.Domain;

namespace NatFunctions.Http;

/// <summary>Who may call a function: anyone, a role and above, or (undeclared) nobody.</summary>
public sealed record FunctionAccess(bool IsAnonymous, ApiRole? RequiredRole)
{
    public static readonly FunctionAccess Anonymous = new(true, null);

    public static readonly FunctionAccess Undeclared = new(false, null);

    public static FunctionAccess Requiring(ApiRole role) => new(false, role);
}
