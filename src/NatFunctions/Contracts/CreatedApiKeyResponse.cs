using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;

namespace NatFunctions.Contracts;

/// <summary>The only response that ever contains a key's secret (<see cref="Key"/>).</summary>
public sealed record CreatedApiKeyResponse(long Id, string Name, ApiRole Role, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, string Key)
{
    public static CreatedApiKeyResponse From(CreatedApiKey created) =>
        new(created.Key.Id, created.Key.Name, created.Key.Role, created.Key.Prefix, created.Key.CreatedAt, created.Key.ExpiresAt, created.Secret);
}
