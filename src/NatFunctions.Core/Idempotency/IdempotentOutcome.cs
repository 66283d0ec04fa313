namespace NatFunctions.Core.Idempotency;

/// <summary>
/// What an idempotent run did: <see cref="Result"/> is the fresh result when it ran; <see cref="Replayed"/> the stored
/// answer when it had run before.
/// </summary>
public sealed record IdempotentOutcome<T>(IdempotentOutcomeKind Kind, T? Result = default, StoredResponse? Replayed = null);
