using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Contracts;
using NatFunctions.Core.Domain;
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
            // A misconfigured router answered (show version): it is up; natfunctions_router_sessions_total says what is wrong.
            routerMetrics.RecordProbe(router, health is ComponentHealth.Ok or ComponentHealth.RouterMisconfigured);
        }

        return HealthResults.From(request, report);
    }
}
