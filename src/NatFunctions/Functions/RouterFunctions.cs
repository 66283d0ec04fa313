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

    /// <summary>The router's NAT rules, read live; <see cref="RouterReadResults"/> says how a failed read answers.</summary>
    [Function("GetRouterNat")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Nat(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/admin/routers/{name}/nat")] HttpRequest request, string name)
    {
        var result = await queries.GetNatAsync(name, request.HttpContext.RequestAborted);
        return RouterReadResults.From(request, result);
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
}
