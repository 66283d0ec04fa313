using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Applying;

/// <summary>
/// Whether a router's last session may have committed without finishing (no <c>confirm</c> after commit-confirm, or
/// no <c>save</c>), read from the audit log so that it survives restarts and holds for changes that leave no pending
/// row behind (deletes, drift repairs). The newest deciding session says:
/// <list type="bullet">
/// <item>a transport error after sending commands: unfinished (the commit may be active; when it never got that far,
/// finishing costs one harmless session);</item>
/// <item>a committed session, or a finishing session (whose commands are <see cref="Commands"/>): finished.</item>
/// </list>
/// Rejected and not-confirmed sessions, compares that found nothing and runs that sent nothing decide nothing: none of
/// them confirms or saves an earlier commit.
/// </summary>
internal static class UnfinishedCommitLog
{
    private const string Confirm = "confirm";
    private const string Save = "save";

    // Every shape a finishing session's Commands can take, whatever the router's settings were at the time.
    private static readonly string[] FinishingCommandTexts = [Confirm, Save, Confirm + "\n" + Save];

    /// <summary>The lines a finishing session sends, recorded as its <see cref="RouterChange.Commands"/>.</summary>
    public static IReadOnlyList<string> Commands(RouterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. settings.CommitConfirmMinutes > 0 ? [Confirm] : Array.Empty<string>(), .. settings.SaveAfterCommit ? [Save] : Array.Empty<string>()];
    }

    public static async Task<bool> IsUnfinishedAsync(NatFunctionsDbContext db, string router, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Newest first along the (Router, StartedAt) index; runs hold the router lease, so StartedAt orders sessions.
        var newest = await db.RouterChanges.AsNoTracking()
            .Where(change => change.Router == router
                && ((change.Result == ChangeResult.TransportError && change.Commands != string.Empty)
                    || change.Result == ChangeResult.Committed
                    || (change.Result == ChangeResult.NoChange && FinishingCommandTexts.Contains(change.Commands))))
            .OrderByDescending(change => change.StartedAt)
            .ThenByDescending(change => change.Id)
            .Select(change => (ChangeResult?)change.Result)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return newest == ChangeResult.TransportError;
    }
}
