using System.Diagnostics.Metrics;
using Prometheus;

namespace NatFunctions.Infrastructure.Metrics;

/// <summary>
/// Where every metric goes: a prometheus-net registry of this app's own (served at <c>/metrics</c>; no process-wide
/// default registry, so nothing but these metrics and no state shared between hosts in one process) and a
/// <see cref="Meter"/> that OpenTelemetry exporters read when they are configured.
/// </summary>
public sealed class MetricSinks : IDisposable
{
    public const string MeterName = "NatFunctions";

    public MetricSinks()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        Factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        Meter = new Meter(MeterName);
    }

    public CollectorRegistry Registry { get; }

    public IMetricFactory Factory { get; }

    public Meter Meter { get; }

    public void Dispose() => Meter.Dispose();
}
