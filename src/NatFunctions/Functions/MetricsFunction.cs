using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Core.Domain;
using NatFunctions.Http;
using NatFunctions.Infrastructure.Metrics;

namespace NatFunctions.Functions;

/// <summary>
/// Prometheus scrape endpoint. It shows THIS instance only (counters and histograms are per process); in Azure read
/// the same metrics from Application Insights, which has every instance (docs/monitoring.md).
/// </summary>
public sealed class MetricsFunction(PrometheusExposition exposition)
{
    [Function("Metrics")]
    [RequiresRole(ApiRole.Reader)]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "metrics")] HttpRequest request)
    {
        using var body = new MemoryStream();
        await exposition.WriteAsync(body, request.HttpContext.RequestAborted);
        return new FileContentResult(body.ToArray(), PrometheusExposition.ContentType);
    }
}
