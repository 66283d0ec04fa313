using System.Linq.Expressions;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Applying;

/// <summary>
/// Whether a router's last session may have committed without finishing (no <c>confirm</c> after commit-confirm, or
/// no <c>save</c>), read from the audit log so that it survives restarts and holds for changes that leave no pending
/// row behind (deletes, drift repairs). The newest deciding session says:
/// <list type="bullet">
/// <item>a transport error or a lost lease after its commit was sent (its commands end with the commit line, see
/// <see cref="RecordedCommands"/>), or a finishing session's transport error: unfinished;</item>
/// <item>a committed session, or a finishing session that ended well (whose commands are <see cref="Commands"/>):
/// finished.</item>
/// </list>
/// Transport errors before the commit (connect, <c>set</c>), rejected and not-confirmed sessions, compares that found
/// nothing and runs that sent nothing decide nothing: none of them commits, confirms or saves anything.
/// </summary>
public static class UnfinishedCommitLog
{
    private const string Confirm = "confirm";
    private const string Save = "save";

    // Deciding rows read to collect the commands of the unfinished sessions on top: a finishing session that failed
    // sends no set/delete itself, the session it tried to finish is further down.
    private const int NewestDecidingRows = 10;

    // Every shape a finishing session's Commands can take, whatever the router's settings were at the time.
    private static readonly string[] FinishingCommandTexts = [Confirm, Save, Confirm + "\n" + Save];

    /// <summary>The lines a finishing session sends, recorded as its <see cref="RouterChange.Commands"/>.</summary>
    public static IReadOnlyList<string> Commands(RouterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. settings.CommitConfirmMinutes > 0 ? [Confirm] : Array.Empty<string>(), .. settings.SaveAfterCommit ? [Save] : Array.Empty<string>()];
    }

    /// <summary>
    /// What a session's audit row holds as its commands: the set/delete lines, and, when it ended in a transport error
    /// after sending its commit, the commit line too. That line marks the row as possibly committed; a transport
    /// error without it left the router as it was.
    /// </summary>
    public static IReadOnlyList<string> RecordedCommands(RouterChangeRequest request, RouterSessionResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        return !request.FinishOnly && result.Outcome is RouterSessionOutcome.TransportFailure or RouterSessionOutcome.LeaseLost && result.MayHaveCommitted
            ? [.. request.Commands, request.CommitCommand]
            : request.Commands;
    }

    /// <summary>
    /// Which audit rows decide: a transport error or lost lease whose commands show a commit (or a finishing session's
    /// lines), a committed session, and a finishing session that ended well. Written as an expression so the store
    /// filters in the database.
    /// </summary>
    public static Expression<Func<RouterChange, bool>> Decides { get; } = change =>
        ((change.Result == ChangeResult.TransportError || change.Result == ChangeResult.LeaseLost)
            && (change.Commands.EndsWith("\ncommit") || change.Commands.Contains("\ncommit-confirm ") || FinishingCommandTexts.Contains(change.Commands)))
        || change.Result == ChangeResult.Committed
        || (change.Result == ChangeResult.NoChange && FinishingCommandTexts.Contains(change.Commands));

    public static async Task<bool> IsUnfinishedAsync(IReconcileStore store, CancellationToken cancellationToken) =>
        await FindAsync(store, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// Null when the last session finished; otherwise the set/delete lines of the unfinished sessions since the last
    /// finished one, i.e. what the pending commit may hold.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> FindAsync(IReconcileStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var newest = await store.ReadNewestDecidingSessionsAsync(NewestDecidingRows, cancellationToken).ConfigureAwait(false);
        var unfinished = newest.TakeWhile(change => change.Result is ChangeResult.TransportError or ChangeResult.LeaseLost).ToList();
        if (unfinished.Count == 0) return null;
        return unfinished
            .SelectMany(change => change.Commands.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Where(line => RouterChangeRequest.FindProblem(line) is null)
            .ToList();
    }
}
