using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NatFunctions.Contracts;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;
using NatFunctions.Http;

namespace NatFunctions.Functions;

public sealed class VmFunctions(
    VmProvisioner provisioner, VmQueries queries, VmDecommissioner decommissioner, IdempotencyGuard idempotency, ILogger<VmFunctions> logger)
{
    [Function("ProvisionVm")]
    [RequiresRole(ApiRole.Operator)]
    public Task<IActionResult> Provision(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/vms/provision")] HttpRequest request)
        => idempotency.RunAsync(request, () => ProvisionAsync(request));

    private async Task<IActionResult> ProvisionAsync(HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<VmProvisionRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var value = body.Value!;
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["machine_id"] = value.VmName ?? string.Empty });
        var input = value.ToInput();
        if (input.Problem is not null)
        {
            return input.Problem;
        }

        var result = await provisioner.ProvisionAsync(input.Value!, RequestCaller.Get(request), request.HttpContext.RequestAborted);
        return WriteResults.From(result, StatusCodes.Status201Created);
    }

    [Function("ListVms")]
    [RequiresRole(ApiRole.Reader)]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/vms")] HttpRequest request)
    {
        var query = request.Query;
        var result = await queries.ListAsync(
            query.LastValue("router"), query.LastValue("cursor"), query.LastValue("page_size"), request.HttpContext.RequestAborted);
        return ApiResults.From(result, page => ApiResults.Ok(new VmListResponse(page.Items.Select(VmResponse.From).ToList(), page.NextCursor)));
    }

    [Function("GetVm")]
    [RequiresRole(ApiRole.Reader)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/vms/{machine_id}")] HttpRequest request, string machine_id)
    {
        var result = await queries.GetAsync(machine_id, request.HttpContext.RequestAborted);
        return ApiResults.From(result, vm => ApiResults.Conditional(request, VmResponse.From(vm)));
    }

    [Function("DecommissionVm")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Decommission(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/vms/{machine_id}/decommission")] HttpRequest request, string machine_id)
    {
        var result = await decommissioner.DecommissionAsync(machine_id, RequestCaller.Get(request), request.HttpContext.RequestAborted);
        return WriteResults.From(result);
    }
}
