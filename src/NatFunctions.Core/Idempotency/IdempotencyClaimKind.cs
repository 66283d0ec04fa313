namespace NatFunctions.Core.Idempotency;

public enum IdempotencyClaimKind
{
    /// <summary>The key was free (or its record had expired): this request runs and records its answer.</summary>
    Claimed,

    /// <summary>The same request already finished: answer with what it answered.</summary>
    Replay,

    /// <summary>The key was used for a different request (method, path or body): a client error.</summary>
    KeyReused,

    /// <summary>The same request is running right now elsewhere.</summary>
    InProgress,
}
