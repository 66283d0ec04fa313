using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Applying;

/// <summary>
/// Writes the outcome of a session onto rows. State changes (applied, failed) only land on rows whose concurrency
/// stamp is still the one read before the session: a row edited meanwhile stays pending for the next round.
/// <para>Every error text goes through <see cref="RowErrorText"/>: rows are read by reader keys, which never see the router's
/// address or SSH username.</para>
/// </summary>
internal sealed class SyncStateWriter(NatFunctionsDbContext db, TimeProvider timeProvider, RouterSettings router)
{
    private const int LastErrorLength = 4000;

    private const string ReleasedNote =
        "retrying: an earlier run froze this row because VyOS refused a path the product writes (a router-level cause, such as a wrong VyosVersion setting)";

    public async Task MarkAppliedAsync(IReadOnlyCollection<StoredRow> forwards, IReadOnlyCollection<StoredRow> vms, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var stamp = Guid.NewGuid();
        if (forwards.Count > 0)
        {
            var ids = forwards.Select(row => row.Id).ToList();
            var stamps = forwards.Select(row => row.Stamp).ToList();
            await db.PortForwards
                .Where(f => ids.Contains(f.Id) && stamps.Contains(f.ConcurrencyStamp) && f.SyncState == SyncState.Pending)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(f => f.SyncState, SyncState.Applied)
                        .SetProperty(f => f.LastError, (string?)null)
                        .SetProperty(f => f.ConcurrencyStamp, stamp)
                        .SetProperty(f => f.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
        }

        if (vms.Count > 0)
        {
            var ids = vms.Select(row => row.Id).ToList();
            var stamps = vms.Select(row => row.Stamp).ToList();
            await db.Vms
                .Where(vm => ids.Contains(vm.Id) && stamps.Contains(vm.ConcurrencyStamp) && vm.DhcpSyncState == SyncState.Pending)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(vm => vm.DhcpSyncState, SyncState.Applied)
                        .SetProperty(vm => vm.DhcpLastError, (string?)null)
                        .SetProperty(vm => vm.ConcurrencyStamp, stamp)
                        .SetProperty(vm => vm.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<bool> MarkForwardFailedAsync(StoredRow row, string message, CancellationToken cancellationToken)
    {
        var error = Trim(message);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var updated = await db.PortForwards
            .Where(f => f.Id == row.Id && f.ConcurrencyStamp == row.Stamp)
            .ExecuteUpdateAsync(
                set => set.SetProperty(f => f.SyncState, SyncState.Failed)
                    .SetProperty(f => f.LastError, error)
                    .SetProperty(f => f.ConcurrencyStamp, Guid.NewGuid())
                    .SetProperty(f => f.UpdatedAt, now),
                cancellationToken)
            .ConfigureAwait(false);
        return updated > 0;
    }

    public async Task<bool> MarkDhcpFailedAsync(StoredRow row, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var error = Trim(reason);
        var updated = await db.Vms
            .Where(vm => vm.Id == row.Id && vm.ConcurrencyStamp == row.Stamp)
            .ExecuteUpdateAsync(
                set => set.SetProperty(vm => vm.DhcpSyncState, SyncState.Failed)
                    .SetProperty(vm => vm.DhcpLastError, error)
                    .SetProperty(vm => vm.ConcurrencyStamp, Guid.NewGuid())
                    .SetProperty(vm => vm.UpdatedAt, now),
                cancellationToken)
            .ConfigureAwait(false);
        return updated > 0;
    }

    /// <summary>
    /// Rows an earlier run froze for a router-level cause (<see cref="RouterLevelRefusal"/>: VyOS refused a path the
    /// product writes, e.g. while the version setting was wrong) go back to pending, so the next round sends them
    /// again. Called once the router has been read with a version that matches the setting; if the cause persists, the
    /// session ends router_misconfigured and the rows stay pending, never frozen again. Returns how many were released.
    /// </summary>
    public async Task<int> ReleaseRouterLevelFailuresAsync(string router, CancellationToken cancellationToken)
    {
        var forwards = await db.PortForwards.AsNoTracking()
            .Where(f => f.Router == router && f.SyncState == SyncState.Failed && f.LastError != null && f.LastError.Contains(RouterLevelRefusal.Marker))
            .Select(f => new { f.Id, f.ConcurrencyStamp, f.LastError })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var vms = await db.Vms.AsNoTracking()
            .Where(vm => vm.Router == router && vm.DhcpSyncState == SyncState.Failed && vm.DhcpLastError != null && vm.DhcpLastError.Contains(RouterLevelRefusal.Marker))
            .Select(vm => new { vm.Id, vm.ConcurrencyStamp, vm.DhcpLastError })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var released = 0;
        foreach (var row in forwards.Where(row => RouterLevelRefusal.IsUnknownPath(row.LastError)))
        {
            released += await db.PortForwards
                .Where(f => f.Id == row.Id && f.ConcurrencyStamp == row.ConcurrencyStamp && f.SyncState == SyncState.Failed)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(f => f.SyncState, SyncState.Pending)
                        .SetProperty(f => f.LastError, ReleasedNote)
                        .SetProperty(f => f.ConcurrencyStamp, Guid.NewGuid())
                        .SetProperty(f => f.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
        }

        foreach (var row in vms.Where(row => RouterLevelRefusal.IsUnknownPath(row.DhcpLastError)))
        {
            released += await db.Vms
                .Where(vm => vm.Id == row.Id && vm.ConcurrencyStamp == row.ConcurrencyStamp && vm.DhcpSyncState == SyncState.Failed)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(vm => vm.DhcpSyncState, SyncState.Pending)
                        .SetProperty(vm => vm.DhcpLastError, ReleasedNote)
                        .SetProperty(vm => vm.ConcurrencyStamp, Guid.NewGuid())
                        .SetProperty(vm => vm.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
        }

        return released;
    }

    /// <summary>Pending rows keep their state (the next run retries) and say why they are still pending.</summary>
    public async Task NotePendingErrorAsync(IReadOnlyCollection<StoredRow> forwards, string message, CancellationToken cancellationToken)
    {
        if (forwards.Count == 0) return;
        var error = Trim(message);
        var ids = forwards.Select(row => row.Id).ToList();
        await db.PortForwards
            .Where(f => ids.Contains(f.Id) && f.SyncState == SyncState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.LastError, error), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Pending DHCP mappings held back by the router's own setting keep their state and say why.</summary>
    public async Task NotePendingDhcpErrorAsync(IReadOnlyCollection<StoredRow> vms, string message, CancellationToken cancellationToken)
    {
        if (vms.Count == 0) return;
        var error = Trim(message);
        var ids = vms.Select(row => row.Id).ToList();
        await db.Vms
            .Where(vm => ids.Contains(vm.Id) && vm.DhcpSyncState == SyncState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(vm => vm.DhcpLastError, error), cancellationToken)
            .ConfigureAwait(false);
    }

    private string Trim(string message)
    {
        var text = RowErrorText.For(message, router);
        return text.Length <= LastErrorLength ? text : text[..LastErrorLength];
    }
}
