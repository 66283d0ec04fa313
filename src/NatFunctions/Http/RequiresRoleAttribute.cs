using NatFunctions.Core.Domain;

namespace NatFunctions.Http;

/// <summary>
/// The least role a function needs. Every HTTP function carries either this or <see cref="AnonymousAttribute"/>;
/// the authorization middleware refuses to run a function that has neither, so a new route cannot be left open by mistake.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresRoleAttribute(ApiRole role) : Attribute
{
    public ApiRole Role { get; } = role;
}
