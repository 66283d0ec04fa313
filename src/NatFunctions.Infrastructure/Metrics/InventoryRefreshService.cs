using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NatFunctions.Infrastructure.Metrics;

/// <summary>
/// Keeps the database-derived gauges fresh for OpenTelemetry export (nobody scrapes in Azure). Registered only when
/// an exporter is configured, so local runs do not query the database in the background.
/// </summary>
public sealed class InventoryRefreshService(InventoryMetrics inventory, TimeProvider timeProvider, ILogger<InventoryRefreshService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, timeProvider);
        do
        {
            try
            {
                await inventory.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database outage shows in health and logs; the gauges keep their last values meanwhile.
                logger.LogWarning(exception, "Refreshing the pool and pending-change gauges failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
