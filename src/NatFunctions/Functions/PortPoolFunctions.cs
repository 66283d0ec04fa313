using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Contracts;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Pools;
using NatFunctions.Http;

namespace NatFunctions.Functions;

public sealed class PortPoolFunctions(PortPoolAdministration administration)
{
    private const string Collection = "v1/admin/port-pools";
    private const string Item = "v1/admin/port-pools/{name}";

    [Function("ListPortPools")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request)
    {
        var pools = await administration.ListAsync(request.HttpContext.RequestAborted);
        return ApiResults.Ok(new PortPoolListResponse(pools.Select(PortPoolResponse.From).ToList()));
    }

    [Function("CreatePortPool")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<PortPoolRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var created = await administration.CreateAsync(Definition(body.Value!), request.HttpContext.RequestAborted);
        return ApiResults.From(created, pool => ApiResults.Created(PortPoolResponse.From(pool)));
    }

    [Function("GetPortPool")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string name)
    {
        var pool = await administration.GetAsync(name, request.HttpContext.RequestAborted);
        return ApiResults.From(pool, view => ApiResults.Ok(PortPoolResponse.From(view)));
    }

    [Function("ReplacePortPool")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Replace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Item)] HttpRequest request, string name)
    {
        var body = await JsonBody.ReadAsync<PortPoolRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var replaced = await administration.ReplaceAsync(name, Definition(body.Value!), request.HttpContext.RequestAborted);
        return ApiResults.From(replaced, pool => ApiResults.Ok(PortPoolResponse.From(pool)));
    }

    [Function("DeletePortPool")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string name)
    {
        var deleted = await administration.DeleteAsync(name, request.HttpContext.RequestAborted);
        return ApiResults.From(deleted, _ => new NoContentResult());
    }

    private static PortPoolDefinition Definition(PortPoolRequest body) =>
        new(body.Name, body.Router, body.StartPort, body.EndPort, body.IsActive);
}
