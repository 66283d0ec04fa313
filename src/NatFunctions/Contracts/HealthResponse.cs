using NatFunctions.Core.Health;

namespace NatFunctions.Contracts;

/// <summary>Health for reader keys and above: component states only, no hosts, versions or error text.</summary>
public sealed record HealthResponse(string Status, string Database, string Storage, IReadOnlyDictionary<string, string> Routers)
{
    public static HealthResponse From(HealthReport report) => new(
        Name(report.Status),
        Name(report.Database),
        Name(report.Storage),
        report.Routers.ToDictionary(pair => pair.Key, pair => Name(pair.Value)));

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();

    private static string Name(ComponentHealth health) => health switch
    {
        ComponentHealth.Ok => "ok",
        ComponentHealth.NotConfigured => "not_configured",
        ComponentHealth.Unreachable => "unreachable",
        ComponentHealth.UntrustedHostKey => "untrusted_host_key",
        ComponentHealth.RouterMisconfigured => "router_misconfigured",
        _ => "error",
    };
}
