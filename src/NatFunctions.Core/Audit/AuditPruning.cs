namespace NatFunctions.Core.Audit;

/// <summary>Deletes audited router sessions older than <see cref="AuditRetention"/>; run by the sync timer.</summary>
public sealed class AuditPruning(IRouterChangeLog log, AuditRetention retention, TimeProvider timeProvider)
{
    /// <returns>How many sessions were deleted.</returns>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        log.PruneAsync(timeProvider.GetUtcNow().UtcDateTime - retention.Period, cancellationToken);
}
