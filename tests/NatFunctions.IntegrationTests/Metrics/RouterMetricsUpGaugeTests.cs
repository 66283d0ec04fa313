using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Infrastructure.Applying;
using NatFunctions.Infrastructure.Metrics;
using Prometheus;

namespace NatFunctions.IntegrationTests.Metrics;

/// <summary>
/// natfunctions_router_up drives the critical "router unreachable" alert: a run that read the router but whose session
/// found the commit lock busy must not report the router down; a run that could not read it must.
/// </summary>
public sealed class RouterMetricsUpGaugeTests
{
    private static readonly RouterPlan ReadPlan = new([], [], [], [], []);

    [Fact]
    public async Task A_busy_commit_lock_leaves_the_router_up_and_a_failed_read_takes_it_down()
    {
        using var sinks = new MetricSinks();
        var metrics = new RouterMetrics(sinks, TimeProvider.System);
        var request = new ReconcileRequest("edge", ChangeTrigger.Api, "ops", ReconcileKind.PendingOnly);

        metrics.RecordSession(new RouterChange { Router = "edge", Result = ChangeResult.LockBusy, StartedAt = DateTime.UtcNow, Trigger = ChangeTrigger.Api });
        metrics.RecordReconcile(request, new RouterSyncReport("edge", SyncOutcome.TransportError, ReadPlan, [], 1, [], "commit lock busy"));
        var afterLockBusy = await RouterUpAsync(sinks);

        metrics.RecordReconcile(request, new RouterSyncReport("edge", SyncOutcome.TransportError, null, [], 2, [], "connection refused"));
        var afterFailedRead = await RouterUpAsync(sinks);

        Assert.Equal(1, afterLockBusy);
        Assert.Equal(0, afterFailedRead);
    }

    private static async Task<double> RouterUpAsync(MetricSinks sinks)
    {
        using var stream = new MemoryStream();
        await sinks.Registry.CollectAndExportAsTextAsync(stream);
        var line = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n')
            .Single(text => text.StartsWith("natfunctions_router_up{router=\"edge\"}", StringComparison.Ordinal));
        return double.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
