namespace NatFunctions.Contracts;

/// <summary>Partial update; absent fields stay. <c>clear_expiry: true</c> removes an expiry.</summary>
public sealed record UpdateApiKeyRequest(string? Name, string? Role, DateTime? ExpiresAt, bool? ClearExpiry, bool? Revoked);
