namespace NatFunctions.Core.Auth;

/// <summary>A partial update: null fields are left as they are; <see cref="ClearExpiry"/> removes an expiry.</summary>
public sealed record ApiKeyChange(string? Name, string? Role, DateTime? ExpiresAt, bool ClearExpiry, bool? Revoked);
