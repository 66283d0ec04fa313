using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Auth.EntraId;

namespace NatFunctions.Http;

/// <summary>
/// Authenticates the caller and enforces the function's declared role before any function code runs.
/// The caller is the <c>X-API-Key</c> when one is sent; otherwise, only when <c>Auth:EntraId:Enabled</c>, the App
/// Service client principal (<c>X-MS-CLIENT-PRINCIPAL</c>). 401 for a missing, unknown, expired or revoked key or a
/// malformed principal; 403 for too small a role or a principal with no mapped app role.
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
        var addresses = context.InstanceServices.GetRequiredService<ClientAddressLimiter>();
        if (access.IsAnonymous)
        {
            if (!addresses.TryTake(httpContext))
            {
                logger.LogWarning("Refused anonymous request to {Function}: the client address has used its budget", context.FunctionDefinition.Name);
                await ClientAddressLimiter.RefuseAsync(httpContext);
                return;
            }

            // Credentials are optional here: a valid one lets the function show more (health details), a bad one
            // costs the address a token like any failed authentication.
            if (HasCredentials(httpContext.Request))
            {
                var optional = await AuthenticateAsync(context, httpContext.Request);
                if (optional.Caller is { } known)
                {
                    RequestCaller.Set(httpContext, known);
                }
                else if (optional.Outcome != AuthenticationOutcome.NoMappedRole)
                {
                    addresses.TryTake(httpContext);
                }
            }

            await next(context);
            return;
        }

        if (access.RequiredRole is not { } requiredRole)
        {
            logger.LogError("Function {Function} declares no access rule; refusing to run it", context.FunctionDefinition.Name);
            await Problems.Forbidden("This operation is not available.").WriteAsync(httpContext);
            return;
        }

        if (addresses.IsSpent(httpContext))
        {
            // Checked before the key is looked up: an address guessing keys must not cost a query per guess.
            logger.LogWarning("Refused request to {Function}: the client address has used its budget of failed authentication", context.FunctionDefinition.Name);
            await ClientAddressLimiter.RefuseAsync(httpContext);
            return;
        }

        var result = await AuthenticateAsync(context, httpContext.Request);
        if (result.Outcome == AuthenticationOutcome.NoMappedRole)
        {
            logger.LogInformation("Refused request to {Function}: the Entra ID principal has no mapped app role", context.FunctionDefinition.Name);
            await Problems.Forbidden("None of your Entra ID app roles is mapped to a NatFunctions role.").WriteAsync(httpContext);
            return;
        }

        if (result.Caller is not { } caller)
        {
            addresses.TryTake(httpContext);
            logger.LogInformation("Refused request to {Function}: {Outcome}", context.FunctionDefinition.Name, result.Outcome);
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

    private static bool HasCredentials(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyHeader) || request.Headers.ContainsKey(ClientPrincipalDecoder.HeaderName);

    /// <summary>An API key when one is sent; else the client principal when Entra ID is enabled; else "missing".</summary>
    private static async Task<AuthenticationResult> AuthenticateAsync(FunctionContext context, Microsoft.AspNetCore.Http.HttpRequest request)
    {
        var presentedKey = request.Headers[ApiKeyHeader].ToString();
        var entraId = context.InstanceServices.GetRequiredService<EntraIdAuthenticator>();
        if (string.IsNullOrEmpty(presentedKey) && entraId.Enabled && request.Headers.ContainsKey(ClientPrincipalDecoder.HeaderName))
        {
            var principal = request.Headers[ClientPrincipalDecoder.HeaderName];
            return principal.Count == 1 ? entraId.Authenticate(principal[0]) : AuthenticationResult.Failed(AuthenticationOutcome.MalformedPrincipal);
        }

        var authenticator = context.InstanceServices.GetRequiredService<ApiKeyAuthenticator>();
        return await authenticator.AuthenticateAsync(presentedKey, context.CancellationToken);
    }

    private static string DescribeFailure(AuthenticationOutcome outcome) => outcome switch
    {
        AuthenticationOutcome.Missing => $"Send an API key in the {ApiKeyHeader} header.",
        AuthenticationOutcome.Expired => "The API key has expired.",
        AuthenticationOutcome.Revoked => "The API key has been revoked.",
        AuthenticationOutcome.MalformedPrincipal => $"The {ClientPrincipalDecoder.HeaderName} header is not a valid client principal.",
        _ => "The API key is not valid.",
    };
}
