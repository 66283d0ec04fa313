namespace NatFunctions.Infrastructure.Metrics;

/// <summary>The <c>/metrics</c> answer: database gauges read now, then every metric in Prometheus text format.</summary>
public sealed class PrometheusExposition(MetricSinks sinks, InventoryMetrics inventory)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public async Task WriteAsync(Stream destination, CancellationToken cancellationToken)
    {
        await inventory.RefreshAsync(cancellationToken).ConfigureAwait(false);
        await sinks.Registry.CollectAndExportAsTextAsync(destination, cancellationToken).ConfigureAwait(false);
    }
}
