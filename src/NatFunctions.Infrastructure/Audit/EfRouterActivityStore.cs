using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Audit;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers.Views;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Audit;

internal sealed class EfRouterActivityStore(NatFunctionsDbContext dbContext) : IRouterActivityStore
{
    public async Task<RouterActivity> GetAsync(string router, CancellationToken cancellationToken)
    {
        var changes = dbContext.RouterChanges.AsNoTracking().Where(change => change.Router == router);
        var lastSession = await changes.OrderByDescending(change => change.Id).FirstOrDefaultAsync(cancellationToken);
        var lastSync = await changes.Where(change => change.Trigger != ChangeTrigger.Api && change.Trigger != ChangeTrigger.Mcp)
            .OrderByDescending(change => change.Id).FirstOrDefaultAsync(cancellationToken);
        var lastCommitted = await changes.Where(change => change.Result == ChangeResult.Committed)
            .OrderByDescending(change => change.Id).Select(change => change.FinishedAt).FirstOrDefaultAsync(cancellationToken);

        var forwards = dbContext.PortForwards.AsNoTracking().Where(forward => forward.Router == router);
        var pendingForwards = await forwards.CountAsync(forward => forward.SyncState == SyncState.Pending, cancellationToken);
        var failedForwards = await forwards.CountAsync(forward => forward.SyncState == SyncState.Failed, cancellationToken);
        var pendingMappings = await dbContext.Vms.AsNoTracking()
            .CountAsync(vm => vm.Router == router && vm.MacAddress != null && vm.DhcpSyncState == SyncState.Pending, cancellationToken);

        return new RouterActivity(
            lastSession is null ? null : ChangeView.From(lastSession),
            lastSync is null ? null : ChangeView.From(lastSync),
            lastCommitted,
            pendingForwards,
            pendingMappings,
            failedForwards);
    }
}
