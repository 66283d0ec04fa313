using Microsoft.Extensions.Logging;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Applying;

/// <summary>
/// Whether a run should first finish (confirm and save) a commit an earlier session of ours may have left unfinished,
/// asked once per round before anything is sent; each of the two reasons is acted on at most once per run.
/// </summary>
internal sealed class EarlierCommitCheck(IReconcileStore store, RouterSettings settings, ILogger logger)
{
    private bool checkedPendingConfirm;
    private bool finished;

    /// <param name="batch">What this round would send.</param>
    /// <param name="anyCommitted">This run committed already: its own commit finished whatever came before.</param>
    /// <param name="rowsAwaitMarking">Pending rows are about to be marked applied without this run committing them.</param>
    public async Task<bool> ShouldFinishFirstAsync(
        RouterPlan plan, IReadOnlyList<PlannedChange> batch, bool anyCommitted, Func<bool> rowsAwaitMarking, CancellationToken cancellationToken)
    {
        if (anyCommitted) return false;
        var due = batch.Count > 0
            ? await PendingConfirmIsAsPlannedAsync(plan, cancellationToken).ConfigureAwait(false)
            : !finished && await NeedsFinishingAsync(rowsAwaitMarking, cancellationToken).ConfigureAwait(false);
        finished |= due;
        return due;
    }

    /// <summary>
    /// A commit-confirm of ours may still wait for confirm: VyOS refuses a new one ("Another confirm is pending") until
    /// it reverts, a reboot on 1.3/1.4. The log says our last session may have left it unconfirmed, and the router is as
    /// planned for every object that session sent (the plan wants nothing for them), so confirming it keeps only what
    /// we intended. When the plan does want something for them (the commit already reverted, or the wishes changed
    /// since), VyOS reverts it.
    /// </summary>
    private async Task<bool> PendingConfirmIsAsPlannedAsync(RouterPlan plan, CancellationToken cancellationToken)
    {
        if (checkedPendingConfirm || settings.CommitConfirmMinutes == 0) return false;
        checkedPendingConfirm = true;
        var unfinished = await UnfinishedCommitLog.FindAsync(store, cancellationToken).ConfigureAwait(false);
        if (unfinished is null) return false;
        var differing = plan.Changes.Where(change => unfinished.Any(line => CommandSubject.Touches(line, change))).Select(change => change.Key).ToList();
        if (differing.Count == 0) return true;
        logger.LogWarning(
            "Router {Router}: an earlier session's commit may still wait for confirm, but the router differs from the plan for {Subjects}; left for the router to revert",
            settings.Name,
            string.Join(", ", differing));
        return false;
    }

    /// <summary>
    /// The router is as planned, but on a router whose sessions end with confirm or save an earlier session may have
    /// committed it and lost its connection before confirm/save: pending rows are about to be marked applied without
    /// this run committing them, or the last session was cut off after sending its commands (a delete or drift repair
    /// leaves no pending row). Finishing, then reading again, does not miss a revert in between.
    /// </summary>
    private async Task<bool> NeedsFinishingAsync(Func<bool> rowsAwaitMarking, CancellationToken cancellationToken)
    {
        if (settings.CommitConfirmMinutes == 0 && !settings.SaveAfterCommit) return false;
        return rowsAwaitMarking()
            || await UnfinishedCommitLog.IsUnfinishedAsync(store, cancellationToken).ConfigureAwait(false);
    }
}
