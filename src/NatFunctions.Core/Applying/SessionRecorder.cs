using Microsoft.Extensions.Logging;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Applying;

/// <summary>
/// Writes a run's audit rows (<see cref="RouterChange"/>), one per configure session and one for a run that sent
/// nothing, and remembers what the run's report needs from them: the last row's id and whether anything committed.
/// </summary>
internal sealed class SessionRecorder(
    IReconcileStore store, RouterSettings settings, ReconcileRequest request, TimeProvider timeProvider, ILogger logger, IReconcileMetrics metrics)
{
    public long? LastChangeId { get; private set; }

    public bool AnyCommitted { get; private set; }

    public async Task<RouterSessionResult> RecordSessionAsync(
        DateTime startedAt, IReadOnlyList<string> commands, RouterSessionResult result, RouterPlan plan, IReadOnlyList<PlannedChange> batch, CancellationToken cancellationToken)
    {
        // A session that may have committed is recorded even when the caller gave up: the next run needs the row to
        // finish it, and the audit log to show it.
        if (result.MayHaveCommitted) cancellationToken = CancellationToken.None;
        AnyCommitted |= result.Outcome == RouterSessionOutcome.Committed;
        var recorded = result.Outcome switch
        {
            RouterSessionOutcome.Committed => ChangeResult.Committed,
            RouterSessionOutcome.NoChange => ChangeResult.NoChange,
            RouterSessionOutcome.Rejected => ChangeResult.Rejected,
            RouterSessionOutcome.RouterMisconfigured => ChangeResult.RouterMisconfigured,
            RouterSessionOutcome.NotConfirmed => ChangeResult.NotConfirmed,
            RouterSessionOutcome.LockBusy => ChangeResult.LockBusy,
            RouterSessionOutcome.UntrustedHostKey => ChangeResult.UntrustedHostKey,
            RouterSessionOutcome.LeaseLost => ChangeResult.LeaseLost,
            _ => ChangeResult.TransportError,
        };
        await RecordAsync(startedAt, commands, recorded, Output(result), plan, batch, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Router {Router}: session with {Count} commands ended {Outcome} (change {ChangeId})", settings.Name, commands.Count, result.Outcome, LastChangeId);
        return result;
    }

    public async Task RecordAsync(
        DateTime startedAt, IReadOnlyList<string> commands, ChangeResult result, string? output, RouterPlan? plan, IReadOnlyList<PlannedChange> changes, CancellationToken cancellationToken)
    {
        var change = new RouterChange
        {
            Router = settings.Name,
            StartedAt = startedAt,
            FinishedAt = timeProvider.GetUtcNow().UtcDateTime,
            Trigger = request.Trigger,
            Actor = request.Actor is { Length: > 63 } actor ? actor[..63] : request.Actor,
            Commands = string.Join('\n', commands),
            Result = result,
            RouterOutput = output,
            DriftMissing = changes.Count(c => c.Kind == PlannedChangeKind.Add),
            DriftChanged = changes.Count(c => c.Kind == PlannedChangeKind.Update),
            DriftExtra = changes.Count(c => c.Kind == PlannedChangeKind.Delete),
            UnmanagedSeen = plan?.Unmanaged.Count ?? 0,
        };
        await store.AddChangeAsync(change, cancellationToken).ConfigureAwait(false);
        metrics.RecordSession(change);
        LastChangeId = change.Id;
    }

    private static string Output(RouterSessionResult result)
    {
        if (string.IsNullOrEmpty(result.Message)) return result.Transcript;
        return result.Transcript.Contains(result.Message, StringComparison.Ordinal) ? result.Transcript : result.Transcript + "\n" + result.Message;
    }
}
