using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;

namespace NatFunctions.Contracts;

public sealed record ApiKeyResponse(
    long Id,
    string Name,
    ApiRole Role,
    string Prefix,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    DateTime? LastUsedAt,
    bool Revoked)
{
    public static ApiKeyResponse From(ApiKeyView key) =>
        new(key.Id, key.Name, key.Role, key.Prefix, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.Revoked);
}
