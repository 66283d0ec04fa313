using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Applying;

/// <summary>
/// The database as one router's reconcile sees it: its rows and their states, the removals writes asked for, and its
/// audit log. Implemented with EF Core in Infrastructure; one store serves one run (one unit of work) and is disposed
/// with it.
/// </summary>
public interface IReconcileStore : IAsyncDisposable
{
    Task<DesiredRows> ReadDesiredRowsAsync(CancellationToken cancellationToken);

    Task<PendingRemovalSet> ReadPendingRemovalsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the removal rows <paramref name="done"/> was read from; removals written since stay.</summary>
    Task ClearPendingRemovalsAsync(PendingRemovalSet done, CancellationToken cancellationToken);

    /// <summary>Marks pending rows applied, only where the row's stamp is still the one read (a row edited meanwhile stays pending).</summary>
    Task MarkAppliedAsync(IReadOnlyCollection<StoredRow> forwards, IReadOnlyCollection<StoredRow> vms, CancellationToken cancellationToken);

    /// <summary>Freezes a forward as failed with <paramref name="reason"/>; false when the row changed since it was read.</summary>
    Task<bool> MarkForwardFailedAsync(StoredRow forward, string reason, CancellationToken cancellationToken);

    /// <summary>Freezes a VM's DHCP mapping as failed with <paramref name="reason"/>; false when the row changed since it was read.</summary>
    Task<bool> MarkDhcpFailedAsync(StoredRow vm, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Rows an earlier run froze for a router-level cause (<see cref="RouterLevelRefusal"/>)
    /// go back to pending. Returns how many.
    /// </summary>
    Task<int> ReleaseRouterLevelFailuresAsync(CancellationToken cancellationToken);

    /// <summary>Pending forwards stay pending and say why (<paramref name="reason"/>).</summary>
    Task NotePendingErrorAsync(IReadOnlyCollection<StoredRow> forwards, string reason, CancellationToken cancellationToken);

    /// <summary>Pending DHCP mappings stay pending and say why (<paramref name="reason"/>).</summary>
    Task NotePendingDhcpErrorAsync(IReadOnlyCollection<StoredRow> vms, string reason, CancellationToken cancellationToken);

    /// <summary>Writes one audit row; its <see cref="Entity.Id"/> is set when this returns.</summary>
    Task AddChangeAsync(RouterChange change, CancellationToken cancellationToken);

    /// <summary>
    /// The router's newest audit rows that <see cref="UnfinishedCommitLog.Decides"/> says decide whether its last commit
    /// was finished, newest first (by id: rows are written under the router's lease, so ids order sessions even when
    /// instances' clocks disagree).
    /// </summary>
    Task<IReadOnlyList<DecidingSession>> ReadNewestDecidingSessionsAsync(int count, CancellationToken cancellationToken);
}
