using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NatFunctions.Contracts;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Health;

namespace NatFunctions.Http;

/// <summary>
/// The health answer: 503 when the service is unhealthy, else 200. Anyone may ask whether the service is up; which
/// components and routers exist, and their states, is for callers with at least a reader key.
/// </summary>
public static class HealthResults
{
    public static IActionResult From(HttpRequest request, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(report);
        var status = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        var caller = RequestCaller.Find(request.HttpContext);
        return caller is not null && caller.Has(ApiRole.Reader)
            ? ApiResults.Json(status, HealthResponse.From(report))
            : ApiResults.Json(status, HealthStatusResponse.From(report));
    }
}
