using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Contracts;
using NatFunctions.Core.Health;
using NatFunctions.Http;
using NatFunctions.Infrastructure.Metrics;

namespace NatFunctions.Functions;

public sealed class HealthFunction(HealthChecker healthChecker, RouterMetrics routerMetrics)
{
    [Function("Health")]
    [Anonymous]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/health")] HttpRequest request)
    {
        var report = await healthChecker.CheckAsync(request.HttpContext.RequestAborted);
        foreach (var (router, health) in report.Routers)
        {
            routerMetrics.RecordProbe(router, health == ComponentHealth.Ok);
        }

        var status = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return ApiResults.Json(status, HealthResponse.From(report));
    }
}
