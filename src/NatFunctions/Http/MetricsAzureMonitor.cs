using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Infrastructure.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace NatFunctions.Http;

/// <summary>
/// In Azure every instance exports its own metrics (the same instruments as <c>/metrics</c>) to Application
/// Insights through OpenTelemetry, so the sum over instances is visible there. Only when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set: local runs stay offline.
/// </summary>
public static class MetricsAzureMonitor
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IServiceCollection AddAzureMonitorMetricsIfConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter()
            .WithMetrics(metrics => metrics.AddMeter(MetricSinks.MeterName));
        services.AddHostedService<InventoryRefreshService>();
        return services;
    }
}
