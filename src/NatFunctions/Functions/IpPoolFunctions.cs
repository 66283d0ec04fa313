using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Contracts;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Pools;
using NatFunctions.Http;

namespace NatFunctions.Functions;

public sealed class IpPoolFunctions(IpPoolAdministration administration)
{
    private const string Collection = "v1/admin/ip-pools";
    private const string Item = "v1/admin/ip-pools/{name}";

    [Function("ListIpPools")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request)
    {
        var pools = await administration.ListAsync(request.HttpContext.RequestAborted);
        return ApiResults.Ok(new IpPoolListResponse(pools.Select(IpPoolResponse.From).ToList()));
    }

    [Function("CreateIpPool")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<IpPoolRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var created = await administration.CreateAsync(Definition(body.Value!), request.HttpContext.RequestAborted);
        return ApiResults.From(created, pool => ApiResults.Created(IpPoolResponse.From(pool)));
    }

    [Function("GetIpPool")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string name)
    {
        var pool = await administration.GetAsync(name, request.HttpContext.RequestAborted);
        return ApiResults.From(pool, view => ApiResults.Ok(IpPoolResponse.From(view)));
    }

    [Function("ReplaceIpPool")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Replace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Item)] HttpRequest request, string name)
    {
        var body = await JsonBody.ReadAsync<IpPoolRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var replaced = await administration.ReplaceAsync(name, Definition(body.Value!), request.HttpContext.RequestAborted);
        return ApiResults.From(replaced, pool => ApiResults.Ok(IpPoolResponse.From(pool)));
    }

    [Function("DeleteIpPool")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string name)
    {
        var deleted = await administration.DeleteAsync(name, request.HttpContext.RequestAborted);
        return ApiResults.From(deleted, _ => new NoContentResult());
    }

    private static IpPoolDefinition Definition(IpPoolRequest body) =>
        new(body.Name, body.Router, body.Cidr, body.RangeStart, body.RangeEnd, body.IsActive);
}
