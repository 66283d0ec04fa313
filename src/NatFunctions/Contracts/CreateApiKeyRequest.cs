namespace NatFunctions.Contracts;

/// <summary>Role is text here so that a wrong value is reported as a field error, not as unreadable JSON.</summary>
public sealed record CreateApiKeyRequest(string? Name, string? Role, DateTime? ExpiresAt);
