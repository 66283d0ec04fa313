namespace NatFunctions.Core.Health;

/// <summary>
/// The anonymous health answer. The database is essential (without it nothing works: unhealthy); storage and routers
/// are not (requests are accepted and queued as pending: degraded).
/// </summary>
public sealed record HealthReport(
    ComponentHealth Database,
    ComponentHealth Storage,
    IReadOnlyDictionary<string, ComponentHealth> Routers)
{
    public HealthStatus Status =>
        Database != ComponentHealth.Ok ? HealthStatus.Unhealthy
        : Storage is not (ComponentHealth.Ok or ComponentHealth.NotConfigured) || Routers.Values.Any(r => r != ComponentHealth.Ok)
            ? HealthStatus.Degraded
            : HealthStatus.Healthy;
}
