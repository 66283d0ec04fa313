namespace NatFunctions.Core.Idempotency;

/// <summary>
/// Keeps <see cref="Domain.IdempotencyRecord"/>s. A record whose status code is 0 is a claim of a request still
/// running; the unique (api key, key) index makes sure only one request can hold a key at a time.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Takes the key for this request, or reports what holds it. An expired record (a finished answer past its
    /// retention, or a claim past its lease) is taken over as if the key were free.
    /// </summary>
    Task<IdempotencyClaimResult> TryClaimAsync(IdempotencyScope scope, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records the final answer under the claim; false when the claim was lost (its lease ran out and another request took the key).</summary>
    Task<bool> CompleteAsync(IdempotencyClaim claim, StoredResponse response, DateTime expiresAt, CancellationToken cancellationToken);

    /// <summary>Gives the key back (the answer was not final), so a retry runs the request again.</summary>
    Task ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken);

    /// <summary>Deletes expired answers and abandoned claims; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTime now, CancellationToken cancellationToken);
}
