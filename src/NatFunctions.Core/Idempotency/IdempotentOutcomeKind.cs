namespace NatFunctions.Core.Idempotency;

public enum IdempotentOutcomeKind
{
    /// <summary>The request ran now.</summary>
    Executed,

    /// <summary>The request had run before; its stored answer is given again and nothing ran.</summary>
    Replayed,

    /// <summary>The key belongs to a different request; nothing ran.</summary>
    KeyReused,

    /// <summary>The same request is still running under this key; nothing ran.</summary>
    InProgress,
}
