namespace NatFunctions.Core.Auth;

public sealed record NewApiKey(string? Name, string? Role, DateTime? ExpiresAt);
