using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Applying;

/// <summary>
/// Converges a router to the desired state held in the database (product-spec §4). Writers commit their rows as
/// <see cref="SyncState.Pending"/> first, then call this to have them applied in the next group commit.
/// </summary>
public interface IRouterApplier
{
    /// <summary>
    /// Makes sure a configure session for <paramref name="router"/> starts after this call (sharing it with every
    /// other caller that is waiting), and waits for that session to finish, at most <paramref name="wait"/>.
    /// Returns false when the wait ran out first; the change then stays pending and a later session applies it.
    /// The outcome for each row is read back from the database: Applied, Failed (with LastError) or still Pending.
    /// </summary>
    Task<bool> ApplyPendingAsync(string router, ChangeTrigger trigger, string? actor, TimeSpan wait, CancellationToken cancellationToken);
}
