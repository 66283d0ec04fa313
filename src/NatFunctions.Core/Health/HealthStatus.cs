namespace NatFunctions.Core.Health;

public enum HealthStatus
{
    Healthy,
    Degraded,
    Unhealthy,
}
