using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Contracts;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers.Preflight;
using NatFunctions.Core.Routers.Views;
using NatFunctions.Http;

namespace NatFunctions.Functions;

public sealed class RouterFunctions(RouterViewQueries queries, RouterPreflightQuery preflight)
{
    [Function("ListRouters")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/admin/routers")] HttpRequest request)
    {
        var routers = await queries.ListAsync(request.HttpContext.RequestAborted);
        return ApiResults.Ok(new RouterListResponse(routers.Select(RouterResponse.From).ToList()));
    }

    /// <summary>
    /// 503 when the router cannot be reached (try again later); 502 when it answered but cannot be trusted or
    /// understood (host key mismatch, unreadable output), which retrying will not fix.
    /// </summary>
    [Function("GetRouterNat")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Nat(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/admin/routers/{name}/nat")] HttpRequest request, string name)
    {
        var result = await queries.GetNatAsync(name, request.HttpContext.RequestAborted);
        return ApiResults.From(result, read => read.View is { } view
            ? ApiResults.Ok(RouterNatResponse.From(view))
            : ReadFailure(request, read.Reachability));
    }

    /// <summary>
    /// Reads the router once (show version + configuration) and reports each preflight check. Always 200 for a
    /// configured router, even when it cannot be reached: then the <c>connection</c> check says why.
    /// </summary>
    [Function("GetRouterPreflight")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Preflight(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/admin/routers/{name}/preflight")] HttpRequest request, string name)
    {
        var result = await preflight.RunAsync(name, request.HttpContext.RequestAborted);
        return ApiResults.From(result, report => ApiResults.Ok(RouterPreflightResponse.From(report)));
    }

    private static ProblemResult ReadFailure(HttpRequest request, RouterReachability reachability)
    {
        if (reachability == RouterReachability.Unreachable)
        {
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return new ProblemResult(
                StatusCodes.Status503ServiceUnavailable,
                "The router is unreachable.",
                "The router did not answer in time; try again later.");
        }

        return new ProblemResult(
            StatusCodes.Status502BadGateway,
            "The router could not be read.",
            reachability switch
            {
                RouterReachability.UntrustedHostKey => "The router's host key does not match the pinned fingerprint.",
                RouterReachability.RouterMisconfigured =>
                    "The router runs another VyOS version than its VyosVersion setting; GET /v1/admin/routers/{name}/preflight says which and how to fix it.",
                _ => "The router's answer could not be understood.",
            });
    }
}
