namespace NatFunctions.Core.Idempotency;

/// <summary>What trying to take a key found: a claim to run under, a stored answer, or why neither.</summary>
public sealed record IdempotencyClaimResult(IdempotencyClaimKind Kind, IdempotencyClaim? Claim = null, StoredResponse? Stored = null)
{
    public static readonly IdempotencyClaimResult KeyReused = new(IdempotencyClaimKind.KeyReused);

    public static readonly IdempotencyClaimResult InProgress = new(IdempotencyClaimKind.InProgress);

    public static IdempotencyClaimResult Claimed(IdempotencyClaim claim) => new(IdempotencyClaimKind.Claimed, claim);

    public static IdempotencyClaimResult Replay(StoredResponse stored) => new(IdempotencyClaimKind.Replay, Stored: stored);
}
