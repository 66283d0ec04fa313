using System.Diagnostics.Metrics;
using System.Globalization;
using Prometheus;

namespace NatFunctions.Infrastructure.Metrics;

/// <summary>
/// Requests by route TEMPLATE (never the raw path: one series per endpoint, and no VM names or ids in label values),
/// method and status.
/// </summary>
public sealed class HttpMetrics
{
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Prometheus.Counter requests;
    private readonly Prometheus.Histogram duration;
    private readonly Counter<long> requestsInstrument;
    private readonly Histogram<double> durationInstrument;

    public HttpMetrics(MetricSinks sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        requests = sinks.Factory.CreateCounter(MetricNames.HttpRequests, "HTTP requests answered, by route template, method and status.", ["route", "method", "status"]);
        duration = sinks.Factory.CreateHistogram(
            MetricNames.HttpRequestDuration,
            "Time from the request reaching the worker to the response being sent.",
            new HistogramConfiguration { LabelNames = ["route", "method"], Buckets = DurationBuckets });
        requestsInstrument = sinks.Meter.CreateCounter<long>(MetricNames.HttpRequests, description: "HTTP requests answered.");
        durationInstrument = sinks.Meter.CreateHistogram<double>(MetricNames.HttpRequestDuration, unit: "s", description: "HTTP request duration.");
    }

    public void RecordRequest(string routeTemplate, string method, int status, TimeSpan elapsed)
    {
        var verb = method.ToUpperInvariant();
        var statusText = status.ToString(CultureInfo.InvariantCulture);
        requests.WithLabels(routeTemplate, verb, statusText).Inc();
        duration.WithLabels(routeTemplate, verb).Observe(elapsed.TotalSeconds);
        requestsInstrument.Add(1, new("route", routeTemplate), new("method", verb), new("status", statusText));
        durationInstrument.Record(elapsed.TotalSeconds, new("route", routeTemplate), new("method", verb));
    }
}
