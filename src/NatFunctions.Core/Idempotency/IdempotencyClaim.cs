namespace NatFunctions.Core.Idempotency;

/// <summary>Proof that this request holds a key: the record it wrote and the concurrency stamp it wrote it with.</summary>
public sealed record IdempotencyClaim(long RecordId, Guid Stamp);
