using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Contracts;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;
using NatFunctions.Http;

namespace NatFunctions.Functions;

public sealed class PortFunctions(PortActionService ports, IdempotencyGuard idempotency)
{
    [Function("TemplatePortAction")]
    [RequiresRole(ApiRole.Operator)]
    public Task<IActionResult> Template(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/vms/{machine_id}/ports/template")] HttpRequest request, string machine_id)
        => RunAsync(request, machine_id, portName: null);

    [Function("PortAction")]
    [RequiresRole(ApiRole.Operator)]
    public Task<IActionResult> Single(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/vms/{machine_id}/ports/{port_name}")] HttpRequest request,
        string machine_id,
        string port_name)
        => RunAsync(request, machine_id, port_name);

    private Task<IActionResult> RunAsync(HttpRequest request, string machineId, string? portName) =>
        idempotency.RunAsync(request, IdempotencyRequestBody.IsCreateAction, () => ApplyAsync(request, machineId, portName));

    private async Task<IActionResult> ApplyAsync(HttpRequest request, string machineId, string? portName)
    {
        var body = await JsonBody.ReadAsync<PortActionRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var result = await ports.ApplyAsync(machineId, portName, body.Value!.ToInput(), RequestCaller.Get(request), request.HttpContext.RequestAborted);
        return WriteResults.From(result, StatusCodes.Status200OK);
    }
}
