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
        var dryRunText = request.Query["dry_run"].ToString();
        if (!TryParseFlag(dryRunText, out var dryRun))
        {
            return Problems.BadRequest("dry_run must be true or false.", new Dictionary<string, string[]> { ["dry_run"] = ["must be true or false"] });
        }

        var router = request.Query["router"].ToString();
        try
        {
            var reports = await sync.SyncAsync(
                string.IsNullOrEmpty(router) ? null : router,
                dryRun,
                ChangeTrigger.Manual,
                RequestCaller.Get(request).Name,
                request.HttpContext.RequestAborted);
            return ApiResults.Ok(SyncResponse.From(dryRun, reports));
        }
        catch (KeyNotFoundException)
        {
            return Problems.NotFound("No router of that name is configured.");
        }
    }

    private static bool TryParseFlag(string text, out bool flag)
    {
        flag = false;
        if (string.IsNullOrEmpty(text)) return true;
        return bool.TryParse(text, out flag);
    }
}
