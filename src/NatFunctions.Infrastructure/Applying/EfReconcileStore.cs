using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Applying;

/// <summary>
/// A reconcile run's database on EF Core: a scope (and so a <see cref="NatFunctionsDbContext"/>) of its own, which
/// ends with the run. Row states are written by <see cref="SyncStateWriter"/>.
/// </summary>
internal sealed class EfReconcileStore : IReconcileStore
{
    private readonly AsyncServiceScope scope;
    private readonly RouterSettings router;
    private readonly NatFunctionsDbContext db;
    private readonly SyncStateWriter writer;

    public EfReconcileStore(AsyncServiceScope scope, RouterSettings router, TimeProvider timeProvider)
    {
        this.scope = scope;
        this.router = router;
        db = scope.ServiceProvider.GetRequiredService<NatFunctionsDbContext>();
        writer = new SyncStateWriter(db, timeProvider, router);
    }

    public async Task<DesiredRows> ReadDesiredRowsAsync(CancellationToken cancellationToken)
    {
        var vms = await db.Vms.AsNoTracking()
            .Include(vm => vm.Forwards)
            .Where(vm => vm.Router == router.Name)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return DesiredRows.From(vms, router);
    }

    public async Task<PendingRemovalSet> ReadPendingRemovalsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.PendingRemovals.AsNoTracking()
            .Where(removal => removal.Router == router.Name)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return PendingRemovalSet.From(rows, router);
    }

    public async Task ClearPendingRemovalsAsync(PendingRemovalSet done, CancellationToken cancellationToken)
    {
        if (done.Ids.Count == 0) return;
        var ids = done.Ids;
        await db.PendingRemovals.Where(removal => ids.Contains(removal.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task MarkAppliedAsync(IReadOnlyCollection<StoredRow> forwards, IReadOnlyCollection<StoredRow> vms, CancellationToken cancellationToken) =>
        writer.MarkAppliedAsync(forwards, vms, cancellationToken);

    public Task<bool> MarkForwardFailedAsync(StoredRow forward, string reason, CancellationToken cancellationToken) =>
        writer.MarkForwardFailedAsync(forward, reason, cancellationToken);

    public Task<bool> MarkDhcpFailedAsync(StoredRow vm, string reason, CancellationToken cancellationToken) =>
        writer.MarkDhcpFailedAsync(vm, reason, cancellationToken);

    public Task<int> ReleaseRouterLevelFailuresAsync(CancellationToken cancellationToken) =>
        writer.ReleaseRouterLevelFailuresAsync(router.Name, cancellationToken);

    public Task NotePendingErrorAsync(IReadOnlyCollection<StoredRow> forwards, string reason, CancellationToken cancellationToken) =>
        writer.NotePendingErrorAsync(forwards, reason, cancellationToken);

    public Task NotePendingDhcpErrorAsync(IReadOnlyCollection<StoredRow> vms, string reason, CancellationToken cancellationToken) =>
        writer.NotePendingDhcpErrorAsync(vms, reason, cancellationToken);

    public async Task AddChangeAsync(RouterChange change, CancellationToken cancellationToken)
    {
        db.RouterChanges.Add(change);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<DecidingSession>> ReadNewestDecidingSessionsAsync(int count, CancellationToken cancellationToken) =>
        await db.RouterChanges.AsNoTracking()
            .Where(change => change.Router == router.Name)
            .Where(UnfinishedCommitLog.Decides)
            .OrderByDescending(change => change.Id)
            .Select(change => new DecidingSession(change.Result, change.Commands))
            .Take(count)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
