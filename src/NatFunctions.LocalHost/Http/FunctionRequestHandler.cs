using NatFunctions.LocalHost.Functions;
using NatFunctions.LocalHost.Routing;

namespace NatFunctions.LocalHost.Http;

/// <summary>
/// Everything the public port serves. Function keys are not enforced whatever a function's authLevel says: the app
/// authenticates callers with its own API keys, so deployed functions are Anonymous or Function level and the Azure
/// host's key check adds nothing this stand-in needs to imitate.
/// </summary>
internal sealed class FunctionRequestHandler(
    FunctionRegistry registry,
    FunctionInvoker invoker,
    HttpForwarder forwarder,
    TimeSpan functionTimeout,
    ILogger<FunctionRequestHandler> logger)
{
    public Task HandleAsync(HttpContext context)
    {
        if (registry.App is not { } app)
        {
            return Problem(context, StatusCodes.Status503ServiceUnavailable, "The worker has not loaded its functions yet.");
        }

        return app.Routes.Match(context.Request.Method, context.Request.Path.Value ?? "/") switch
        {
            RouteMatch.Found found => InvokeAsync(context, app, found),
            RouteMatch.MethodNotAllowed notAllowed => MethodNotAllowed(context, notAllowed.AllowedMethods),
            _ => Problem(context, StatusCodes.Status404NotFound, $"No function serves '{context.Request.Path}'."),
        };
    }

    private async Task InvokeAsync(HttpContext context, LoadedFunctionApp app, RouteMatch.Found found)
    {
        if (app.WorkerHttpUri is null)
        {
            await Problem(context, StatusCodes.Status501NotImplemented, "The worker did not report an HttpUri; run it with ConfigureFunctionsWebApplication().");
            return;
        }

        var invocationId = Guid.NewGuid().ToString();
        using var invocationScope = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        invocationScope.CancelAfter(functionTimeout);
        var request = HttpInvocationRequest.Create(invocationId, found.Function, context.Request, found.RouteValues);
        var invocation = invoker.InvokeAsync(found.Function, request, "This function was invoked by an HTTP request.", invocationScope.Token);
        try
        {
            await forwarder.ForwardAsync(context, app.WorkerHttpUri, invocationId, invocationScope.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            logger.LogError(exception, "Forwarding {Method} {Path} to the worker failed", context.Request.Method, context.Request.Path);
            await invocationScope.CancelAsync();
            if (!context.Response.HasStarted)
            {
                await Problem(context, StatusCodes.Status502BadGateway, "The function worker did not answer.");
            }
        }
        catch (OperationCanceledException) when (invocationScope.IsCancellationRequested)
        {
            if (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
            {
                await Problem(context, StatusCodes.Status504GatewayTimeout, "The function did not finish within the function timeout.");
            }
        }

        await invocation;
    }

    private static Task MethodNotAllowed(HttpContext context, IReadOnlyList<string> allowedMethods)
    {
        context.Response.Headers.Allow = string.Join(", ", allowedMethods);
        return Problem(context, StatusCodes.Status405MethodNotAllowed, $"'{context.Request.Path}' does not accept {context.Request.Method}.");
    }

    private static Task Problem(HttpContext context, int statusCode, string detail)
        => Results.Problem(detail: detail, statusCode: statusCode, instance: context.Request.Path).ExecuteAsync(context);
}
