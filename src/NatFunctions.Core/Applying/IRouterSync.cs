using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Applying;

/// <summary>Reconciles routers with the database on demand (manual sync) and on the timer, through the applier's loop.</summary>
public interface IRouterSync
{
    /// <summary>
    /// Reconciles <paramref name="router"/> (every configured router when null). A dry run reads and plans without
    /// the lease and records nothing. Otherwise <c>Sync:Mode</c> decides between repairing and reporting.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No router of that name is configured.</exception>
    Task<IReadOnlyList<RouterSyncReport>> SyncAsync(string? router, bool dryRun, ChangeTrigger trigger, string? actor, CancellationToken cancellationToken);
}
