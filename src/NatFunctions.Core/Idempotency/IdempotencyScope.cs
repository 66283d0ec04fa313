namespace NatFunctions.Core.Idempotency;

/// <summary>
/// One idempotent request: the key, whose key space it lives in (the API key's public prefix, so two clients cannot
/// collide or read each other's answers), and the fingerprint of what was asked.
/// </summary>
public sealed record IdempotencyScope(string ApiKeyPrefix, string Key, string RequestHash);
