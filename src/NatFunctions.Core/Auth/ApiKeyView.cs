using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Auth;

/// <summary>What may be shown of a key: never the hash, never the secret.</summary>
public sealed record ApiKeyView(
    long Id,
    string Name,
    ApiRole Role,
    string Prefix,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    DateTime? LastUsedAt,
    bool Revoked)
{
    public static ApiKeyView From(ApiKey key) =>
        new(key.Id, key.Name, key.Role, key.Prefix, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.Revoked);
}
