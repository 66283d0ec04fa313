using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;

namespace NatFunctions.Core.Applying;

/// <summary>Reconciles routers with the database on demand (manual sync) and on the timer, through the applier's loop.</summary>
public interface IRouterSync
{
    /// <summary>
    /// Reconciles <paramref name="router"/> (every configured router when null): one report per router, a router's
    /// failure included. A dry run reads and plans without the lease and records nothing. Otherwise
    /// <c>Sync:Mode</c> decides between repairing and reporting. <see cref="ErrorKind.NotFound"/> when no router of
    /// that name is configured, decided before anything is read or recorded (never for null).
    /// </summary>
    Task<OperationResult<IReadOnlyList<RouterSyncReport>>> SyncAsync(
        string? router, bool dryRun, ChangeTrigger trigger, string? actor, CancellationToken cancellationToken);
}
