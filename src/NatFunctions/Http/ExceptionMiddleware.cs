using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace NatFunctions.Http;

/// <summary>
/// Outermost middleware: gives each request a correlation id and turns any unhandled exception into a 500 problem
/// with no internal text, logged in full under that id.
/// </summary>
public sealed class ExceptionMiddleware(ILogger<ExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var httpContext = context.GetHttpContext();
        var correlationId = httpContext is null ? context.InvocationId : CorrelationId.Establish(httpContext, context.InvocationId);
        var scopeValues = new Dictionary<string, object>
        {
            ["correlation_id"] = correlationId,
            ["function"] = context.FunctionDefinition.Name,
        };
        if (context.BindingContext.BindingData.TryGetValue("machine_id", out var machineId) && machineId is string machine)
        {
            scopeValues["machine_id"] = machine;
        }

        using var scope = logger.BeginScope(scopeValues);

        try
        {
            await next(context);
        }
        catch (Exception exception) when (httpContext is not null)
        {
            logger.LogError(exception, "Unhandled exception in {Function}, correlation id {CorrelationId}", context.FunctionDefinition.Name, correlationId);
            if (!httpContext.Response.HasStarted)
            {
                // Headers a half-run function set must not leak into the problem, but the correlation id must stay:
                // it is how an operator finds this exception's log line.
                httpContext.Response.Headers.Clear();
                httpContext.Response.Headers[CorrelationId.HeaderName] = correlationId;
                await Problems.Internal().WriteAsync(httpContext);
            }
        }
    }
}
