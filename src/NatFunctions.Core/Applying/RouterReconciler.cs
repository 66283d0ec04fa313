using Microsoft.Extensions.Logging;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Applying;

/// <summary>
/// One reconcile of one router (product-spec §4): lease, read rows, read router, plan, one configure session; on a
/// rejection, leave the offending change out (marking its row failed) and go again right away.
/// </summary>
public sealed class RouterReconciler(
    IReconcileStoreFactory stores,
    IRouterClientFactory routers,
    IRouterLease lease,
    RouterReservationCache reservations,
    ApplySettings applySettings,
    TimeProvider timeProvider,
    ILogger<RouterReconciler> logger,
    IReconcileMetrics metrics)
{
    public async Task<RouterSyncReport> RunAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["router"] = request.Router });
        var report = await ReconcileAsync(request, cancellationToken).ConfigureAwait(false);
        metrics.RecordReconcile(request, report);
        return report;
    }

    private async Task<RouterSyncReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var client = routers.Get(request.Router);
        await using var store = stores.Open(client.Settings);
        if (request.Kind.OnlyPlans)
        {
            return await DryRunAsync(client, store, cancellationToken).ConfigureAwait(false);
        }

        await using var held = await lease.AcquireAsync(client.RouterName, applySettings.LeaseWait, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            logger.LogWarning("Router {Router}: the lease stayed taken for {Wait}; changes stay pending", client.RouterName, applySettings.LeaseWait);
            return new RouterSyncReport(client.RouterName, SyncOutcome.LeaseUnavailable, null, [], null, [], "another instance kept the router's lease");
        }

        // Fencing: every commit, confirm and save first asks the lease store whether this instance still holds the lease.
        var run = new ReconcileRun(client, store, request, reservations, timeProvider, logger, metrics, held.ConfirmHeldAsync);
        return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<RouterSyncReport> DryRunAsync(IRouterClient client, IReconcileStore store, CancellationToken cancellationToken)
    {
        var rows = await store.ReadDesiredRowsAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var tree = ConfigCommandsParser.Parse(await client.ReadConfigurationCommandsAsync(cancellationToken).ConfigureAwait(false));
            reservations.Observe(client.Settings, tree);
            var plan = new RouterPlanner(client.Settings).Plan(tree, rows.Desired);
            return new RouterSyncReport(client.RouterName, SyncOutcome.DryRun, plan, [], null, [], null);
        }
        catch (Exception exception) when (exception is RouterAccessException or ConfigCommandsFormatException)
        {
            var outcome = exception is RouterAccessException { Failure: RouterAccessFailure.RouterMisconfigured } ? SyncOutcome.RouterMisconfigured : SyncOutcome.TransportError;
            return new RouterSyncReport(client.RouterName, outcome, null, [], null, [], exception.Message);
        }
    }
}
