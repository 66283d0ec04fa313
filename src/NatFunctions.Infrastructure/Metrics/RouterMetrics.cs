using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Infrastructure.Applying;
using Prometheus;

namespace NatFunctions.Infrastructure.Metrics;

/// <summary>
/// What the applier and the sync learn about each router: session results and durations (one per recorded
/// RouterChange), reachability, the last successful reconcile, drift found and foreign rules seen.
/// </summary>
public sealed class RouterMetrics : IReconcileMetrics
{
    private static readonly double[] CommitBuckets = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];

    private readonly TimeProvider timeProvider;
    private readonly Prometheus.Counter sessions;
    private readonly Prometheus.Histogram commitDuration;
    private readonly Prometheus.Counter driftFound;
    private readonly Prometheus.Gauge up;
    private readonly Prometheus.Gauge lastSuccess;
    private readonly Prometheus.Gauge unowned;
    private readonly Counter<long> sessionsInstrument;
    private readonly Histogram<double> commitDurationInstrument;
    private readonly Counter<long> driftFoundInstrument;
    private readonly ConcurrentDictionary<string, double> upByRouter = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> lastSuccessByRouter = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> unownedByRouter = new(StringComparer.Ordinal);

    public RouterMetrics(MetricSinks sinks, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        this.timeProvider = timeProvider;
        var factory = sinks.Factory;
        sessions = factory.CreateCounter(MetricNames.RouterSessions, "Router sessions (recorded RouterChanges) by result.", ["router", "result"]);
        commitDuration = factory.CreateHistogram(
            MetricNames.CommitDuration,
            "Duration of router sessions that sent commands, from reading the router to the recorded result.",
            new HistogramConfiguration { LabelNames = ["router"], Buckets = CommitBuckets });
        driftFound = factory.CreateCounter(MetricNames.DriftFound, "Objects a sync (timer or manual, not dry run) found differing between database and router.", ["router"]);
        up = factory.CreateGauge(MetricNames.RouterUp, "1 when the last probe or session reached the router, 0 when it did not.", ["router"]);
        lastSuccess = factory.CreateGauge(MetricNames.SyncLastSuccess, "Unix time of the last reconcile that compared the router with the database and ended well.", ["router"]);
        unowned = factory.CreateGauge(MetricNames.UnownedRules, "Rules in the managed range without our marker, as of the last plan.", ["router"]);

        var meter = sinks.Meter;
        sessionsInstrument = meter.CreateCounter<long>(MetricNames.RouterSessions, description: "Router sessions by result.");
        commitDurationInstrument = meter.CreateHistogram<double>(MetricNames.CommitDuration, unit: "s", description: "Duration of router sessions that sent commands.");
        driftFoundInstrument = meter.CreateCounter<long>(MetricNames.DriftFound, description: "Drifted objects found by syncs.");
        meter.CreateObservableGauge(MetricNames.RouterUp, () => Observe(upByRouter), description: "1 when the router was reachable at the last probe or session.");
        meter.CreateObservableGauge(MetricNames.SyncLastSuccess, () => Observe(lastSuccessByRouter), unit: "s", description: "Unix time of the last successful reconcile.");
        meter.CreateObservableGauge(MetricNames.UnownedRules, () => Observe(unownedByRouter), description: "Foreign rules in the managed range.");
    }

    /// <summary>One configure session (or a read that found nothing to do), as recorded in the audit log.</summary>
    public void RecordSession(RouterChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var result = ResultLabel(change.Result);
        sessions.WithLabels(change.Router, result).Inc();
        sessionsInstrument.Add(1, new("router", change.Router), new("result", result));
        SetUp(change.Router, change.Result is not (ChangeResult.TransportError or ChangeResult.UntrustedHostKey));
        if (change.Commands.Length > 0 && change.FinishedAt is { } finished)
        {
            var seconds = Math.Max(0, (finished - change.StartedAt).TotalSeconds);
            commitDuration.WithLabels(change.Router).Observe(seconds);
            commitDurationInstrument.Record(seconds, new KeyValuePair<string, object?>("router", change.Router));
        }
    }

    /// <summary>The end of one reconcile: its plan says what drifted and what foreign rules were seen.</summary>
    public void RecordReconcile(ReconcileRequest request, RouterSyncReport report)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(report);
        var router = report.Router;
        // A run that read the router (it has a plan) reached it; how its session ended (a busy lock, an unconfirmed
        // commit, a dropped connection) was already recorded per session by RecordSession, so it decides here.
        if (report.Outcome == SyncOutcome.TransportError && report.Plan is null)
        {
            SetUp(router, false);
        }
        else if (report.Outcome is not (SyncOutcome.TransportError or SyncOutcome.LeaseUnavailable))
        {
            SetUp(router, true);
        }

        if ((report.Outcome is SyncOutcome.Committed or SyncOutcome.NoChange or SyncOutcome.Reported) && !request.Kind.OnlyPlans)
        {
            var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
            lastSuccessByRouter[router] = now;
            lastSuccess.WithLabels(router).Set(now);
        }

        if (report.Plan is { } plan)
        {
            unownedByRouter[router] = plan.Unmanaged.Count;
            unowned.WithLabels(router).Set(plan.Unmanaged.Count);

            // Writes (trigger api or mcp) plan their own pending rows, which is not drift; a sync that finds work found drift.
            if (!request.Trigger.IsWrite() && !request.Kind.OnlyPlans)
            {
                driftFound.WithLabels(router).Inc(plan.Changes.Count);
                driftFoundInstrument.Add(plan.Changes.Count, new KeyValuePair<string, object?>("router", router));
            }
        }
    }

    /// <summary>A health probe's verdict on the router.</summary>
    public void RecordProbe(string router, bool reachable) => SetUp(router, reachable);

    private void SetUp(string router, bool reachable)
    {
        var value = reachable ? 1 : 0;
        upByRouter[router] = value;
        up.WithLabels(router).Set(value);
    }

    private static string ResultLabel(ChangeResult result) => result switch
    {
        ChangeResult.Committed => "committed",
        ChangeResult.Rejected => "rejected",
        ChangeResult.NoChange => "no_change",
        ChangeResult.NotConfirmed => "not_confirmed",
        ChangeResult.LockBusy => "lock_busy",
        ChangeResult.UntrustedHostKey => "untrusted_host_key",
        ChangeResult.LeaseLost => "lease_lost",
        ChangeResult.RouterMisconfigured => "router_misconfigured",
        _ => "transport_error",
    };

    private static IEnumerable<Measurement<double>> Observe(ConcurrentDictionary<string, double> values) =>
        values.Select(pair => new Measurement<double>(pair.Value, new KeyValuePair<string, object?>("router", pair.Key)));
}
