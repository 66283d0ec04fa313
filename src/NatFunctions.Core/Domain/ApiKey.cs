namespace NatFunctions.Core.Domain;

/// <summary>
/// An API key. Only the SHA-256 of the secret is kept; the secret is shown once, when the key is created.
/// </summary>
public sealed class ApiKey : Entity
{
    public required string Name { get; set; }

    public ApiRole Role { get; set; }

    /// <summary>Public identifier embedded in the key text, used to find the row without scanning hashes.</summary>
    public required string Prefix { get; set; }

    public required byte[] Hash { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public bool Revoked { get; set; }
}
