using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Contracts;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Http;

namespace NatFunctions.Functions;

public sealed class SyncFunctions(IRouterSync sync)
{
    [Function("SyncVyosConfig")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Sync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/admin/sync-vyos-config")] HttpRequest request)
    {
        if (!request.Query.TryReadFlag("dry_run", out var dryRun))
        {
            return Problems.NotAFlag("dry_run");
        }

        // ?router= (empty) is every router, like no router parameter at all.
        var router = request.Query.LastValue("router");
        var result = await sync.SyncAsync(
            string.IsNullOrEmpty(router) ? null : router,
            dryRun,
            ChangeTrigger.Manual,
            RequestCaller.Get(request).Name,
            request.HttpContext.RequestAborted);
        return ApiResults.From(result, reports => ApiResults.Ok(SyncResponse.From(dryRun, reports)));
    }
}
