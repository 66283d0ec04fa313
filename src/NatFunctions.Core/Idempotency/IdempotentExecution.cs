using NatFunctions.Core.Provisioning;

namespace NatFunctions.Core.Idempotency;

/// <summary>
/// Runs a write at most once per idempotency key: the first request claims the key, runs, and stores its final
/// answer for <see cref="IdempotencyPolicy.Retention"/>; a repeat gets that answer back without running; the same
/// key on a different request is refused; a repeat that arrives while the first still runs is told so at once
/// (the caller answers 409 and the client retries) rather than holding a second request open for up to the
/// apply wait.
/// </summary>
public sealed class IdempotentExecution(IIdempotencyStore store, TimeProvider timeProvider, WriteWaitSettings waitSettings)
{
    /// <param name="execute">The write itself.</param>
    /// <param name="capture">Turns the write's result into the status and body to store; null when it cannot be stored.</param>
    public async Task<IdempotentOutcome<T>> RunAsync<T>(
        IdempotencyScope scope,
        Func<CancellationToken, Task<T>> execute,
        Func<T, CancellationToken, Task<StoredResponse?>> capture,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(execute);
        ArgumentNullException.ThrowIfNull(capture);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var claimed = await store.TryClaimAsync(scope, now, now + IdempotencyPolicy.InProgressLeaseFor(waitSettings.Wait), cancellationToken);
        switch (claimed.Kind)
        {
            case IdempotencyClaimKind.Replay:
                return new IdempotentOutcome<T>(IdempotentOutcomeKind.Replayed, Replayed: claimed.Stored);
            case IdempotencyClaimKind.KeyReused:
                return new IdempotentOutcome<T>(IdempotentOutcomeKind.KeyReused);
            case IdempotencyClaimKind.InProgress:
                return new IdempotentOutcome<T>(IdempotentOutcomeKind.InProgress);
        }

        var claim = claimed.Claim!;
        T result;
        StoredResponse? response;
        try
        {
            result = await execute(cancellationToken);
            // Not cancellable: the write has run and has an answer, which a retry must find even if the client left.
            response = await capture(result, CancellationToken.None);
        }
        catch
        {
            // The write failed without an answer: give the key back so the client's retry can run it.
            // Not cancellable: the client hanging up is one of the reasons we are here.
            await store.ReleaseAsync(claim, CancellationToken.None);
            throw;
        }

        // Once the write has run, its answer is recorded even if the client has gone: the retry it is about to send
        // must find it.
        if (response is not null && IdempotencyPolicy.IsFinal(response.StatusCode))
        {
            var finishedAt = timeProvider.GetUtcNow().UtcDateTime;
            await store.CompleteAsync(claim, response, finishedAt + IdempotencyPolicy.Retention, CancellationToken.None);
            await store.PurgeExpiredAsync(finishedAt, CancellationToken.None);
        }
        else
        {
            await store.ReleaseAsync(claim, CancellationToken.None);
        }

        return new IdempotentOutcome<T>(IdempotentOutcomeKind.Executed, result);
    }
}
