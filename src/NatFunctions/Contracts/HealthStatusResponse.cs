using NatFunctions.Core.Health;

namespace NatFunctions.Contracts;

/// <summary>Health for anonymous callers: the overall status only (healthy, degraded, unhealthy).</summary>
public sealed record HealthStatusResponse(string Status)
{
    public static HealthStatusResponse From(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Status.ToString().ToLowerInvariant());
    }
}
