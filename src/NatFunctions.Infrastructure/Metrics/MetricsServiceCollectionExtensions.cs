using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NatFunctions.Infrastructure.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the metric sinks and recorders (<see cref="HttpMetrics"/>, <see cref="RouterMetrics"/>,
    /// <see cref="InventoryMetrics"/>) and the <see cref="PrometheusExposition"/>. Exporting through OpenTelemetry is
    /// the app's choice (it adds <see cref="InventoryRefreshService"/> with it).
    /// </summary>
    public static IServiceCollection AddOperationalMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<MetricSinks>();
        services.TryAddSingleton<HttpMetrics>();
        services.TryAddSingleton<RouterMetrics>();
        services.TryAddSingleton<InventoryMetrics>();
        services.TryAddSingleton<PrometheusExposition>();
        return services;
    }
}
