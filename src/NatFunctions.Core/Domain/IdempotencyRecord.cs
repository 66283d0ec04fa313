namespace NatFunctions.Core.Domain;

/// <summary>
/// The stored answer to a request sent with <c>Idempotency-Key</c>, so a retried request gets the same answer
/// instead of a second VM. Keys are scoped to the API key that sent them.
/// </summary>
public sealed class IdempotencyRecord : Entity
{
    public required string Key { get; set; }

    /// <summary>Prefix of the API key that sent the request (<c>bootstrap</c> for the bootstrap admin key).</summary>
    public required string ApiKeyPrefix { get; set; }

    /// <summary>SHA-256 of method, path and body: the same key with a different request is a client error.</summary>
    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public string ResponseBody { get; set; } = string.Empty;

    public DateTime ExpiresAt { get; set; }
}
