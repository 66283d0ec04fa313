namespace NatFunctions.Infrastructure.Metrics;

/// <summary>
/// The metric-name contract shared with the alert rules and dashboards (docs/monitoring.md, infra/): the same names
/// are used for the Prometheus export and for the OpenTelemetry instruments.
/// </summary>
public static class MetricNames
{
    public const string RouterUp = "natfunctions_router_up";
    public const string SyncLastSuccess = "natfunctions_sync_last_success_timestamp_seconds";
    public const string DriftFound = "natfunctions_drift_found_total";
    public const string PoolCapacity = "natfunctions_pool_capacity";
    public const string PoolFree = "natfunctions_pool_free";
    public const string ChangesPending = "natfunctions_changes_pending";
    public const string RouterSessions = "natfunctions_router_sessions_total";
    public const string CommitDuration = "natfunctions_commit_duration_seconds";
    public const string HttpRequests = "natfunctions_http_requests_total";
    public const string HttpRequestDuration = "natfunctions_http_request_duration_seconds";
    public const string UnownedRules = "natfunctions_unowned_rules";
}
