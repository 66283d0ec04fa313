using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using NatFunctions.Infrastructure.Metrics;

namespace NatFunctions.Http;

/// <summary>
/// Counts and times every HTTP invocation once its response has been sent, so the status is the one the caller got,
/// whoever wrote it (the function's result, authorization, or the exception handler).
/// </summary>
public sealed class MetricsMiddleware(HttpMetrics metrics) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var httpContext = context.GetHttpContext();
        if (httpContext is null)
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var route = MetricsRouteTemplates.For(context.FunctionDefinition);
        httpContext.Response.OnCompleted(() =>
        {
            metrics.RecordRequest(route, httpContext.Request.Method, httpContext.Response.StatusCode, Stopwatch.GetElapsedTime(started));
            return Task.CompletedTask;
        });
        await next(context);
    }
}
