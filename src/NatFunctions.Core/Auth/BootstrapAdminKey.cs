namespace NatFunctions.Core.Auth;

/// <summary>
/// The admin key from setting <c>Auth:BootstrapAdminKey</c>, so a fresh install has a way in before any key exists.
/// Only its hash is held in memory after startup.
/// </summary>
public sealed class BootstrapAdminKey
{
    public const string CallerName = "bootstrap-admin";
    public const string KeyPrefix = "bootstrap";
    public const int MinimumLength = 24;

    private readonly byte[]? hash;

    public BootstrapAdminKey(string? configuredKey)
    {
        if (string.IsNullOrEmpty(configuredKey))
        {
            return;
        }

        if (configuredKey.Length < MinimumLength)
        {
            throw new InvalidOperationException(
                $"Auth:BootstrapAdminKey must be at least {MinimumLength} characters long.");
        }

        hash = ApiKeySecret.ComputeHash(configuredKey);
    }

    public bool IsConfigured => hash is not null;

    public bool Matches(string presented) =>
        hash is not null && ApiKeySecret.HashesMatch(hash, ApiKeySecret.ComputeHash(presented));
}
