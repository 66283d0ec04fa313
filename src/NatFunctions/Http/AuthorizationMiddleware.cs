using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Auth;

namespace NatFunctions.Http;

/// <summary>
/// Authenticates <c>X-API-Key</c> and enforces the function's declared role before any function code runs.
/// 401 for a missing, unknown, expired or revoked key; 403 for a known key with too small a role.
/// </summary>
public sealed class AuthorizationMiddleware(ILogger<AuthorizationMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const string ApiKeyHeader = "X-API-Key";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var httpContext = context.GetHttpContext();
        if (httpContext is null)
        {
            await next(context);
            return;
        }

        var access = FunctionAccessPolicy.For(context.FunctionDefinition);
        if (access.IsAnonymous)
        {
            await next(context);
            return;
        }

        if (access.RequiredRole is not { } requiredRole)
        {
            logger.LogError("Function {Function} declares no access rule; refusing to run it", context.FunctionDefinition.Name);
            await Problems.Forbidden("This operation is not available.").WriteAsync(httpContext);
            return;
        }

        var authenticator = context.InstanceServices.GetRequiredService<ApiKeyAuthenticator>();
        var presented = httpContext.Request.Headers[ApiKeyHeader].ToString();
        var result = await authenticator.AuthenticateAsync(presented, context.CancellationToken);
        if (result.Caller is not { } caller)
        {
            logger.LogInformation("Refused request to {Function}: API key {Outcome}", context.FunctionDefinition.Name, result.Outcome);
            await Problems.Unauthorized(DescribeFailure(result.Outcome)).WriteAsync(httpContext);
            return;
        }

        if (!caller.Has(requiredRole))
        {
            logger.LogInformation(
                "Refused {Actor} ({Role}) on {Function}: needs {RequiredRole}",
                caller.Name, caller.Role, context.FunctionDefinition.Name, requiredRole);
            await Problems.Forbidden($"This operation needs the {requiredRole.ToString().ToLowerInvariant()} role.").WriteAsync(httpContext);
            return;
        }

        RequestCaller.Set(httpContext, caller);
        using (logger.BeginScope(new Dictionary<string, object> { ["actor"] = caller.Name }))
        {
            await next(context);
        }
    }

    private static string DescribeFailure(AuthenticationOutcome outcome) => outcome switch
    {
        AuthenticationOutcome.Missing => $"Send an API key in the {ApiKeyHeader} header.",
        AuthenticationOutcome.Expired => "The API key has expired.",
        AuthenticationOutcome.Revoked => "The API key has been revoked.",
        _ => "The API key is not valid.",
    };
}
