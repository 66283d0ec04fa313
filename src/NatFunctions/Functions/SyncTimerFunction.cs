using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Audit;
using NatFunctions.Core.Domain;

namespace NatFunctions.Functions;

/// <summary>
/// Reconciles every router on the NCRONTAB schedule in app setting <c>SyncSchedule</c>. The setting must exist
/// (the host resolves <c>%SyncSchedule%</c> before the app runs): <c>0 */5 * * * *</c> (every 5 minutes) is the
/// default in src/NatFunctions/local.settings.json and in the Bicep parameter <c>syncSchedule</c>. Without it the
/// Functions host (and LocalHost, which logs "will not run") leaves this timer unscheduled.
/// After the routers, it deletes audited sessions older than <c>Audit:RetentionDays</c> (default 90).
/// </summary>
public sealed class SyncTimerFunction(IRouterSync sync, AuditPruning pruning, ILogger<SyncTimerFunction> logger)
{
    [Function("SyncTimer")]
    public async Task Run([TimerTrigger("%SyncSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        // Every configured router: the one error a sync answers with, an unknown router name, cannot happen here.
        var synced = await sync.SyncAsync(router: null, dryRun: false, ChangeTrigger.Timer, actor: null, cancellationToken);
        foreach (var report in synced.Value!)
        {
            logger.LogInformation(
                "Sync of router {Router}: {Outcome}, {Changes} changes, {Unmanaged} unmanaged rules, change {ChangeId}; past due: {IsPastDue}",
                report.Router,
                report.Outcome,
                report.Plan?.Changes.Count ?? 0,
                report.Plan?.Unmanaged.Count ?? 0,
                report.ChangeId,
                timer.IsPastDue);
        }

        var pruned = await pruning.PruneAsync(cancellationToken);
        if (pruned > 0)
        {
            logger.LogInformation("Deleted {Count} audited router sessions older than the audit retention", pruned);
        }
    }
}
