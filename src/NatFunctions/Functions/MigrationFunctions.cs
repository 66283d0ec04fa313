using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Contracts;
using NatFunctions.Core.Domain;
using NatFunctions.Http;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Functions;

/// <summary>The deployment function: a pipeline applies the schema through the app it is deploying.</summary>
public sealed class MigrationFunctions(MigrationRunner runner, DatabaseSettings databaseSettings)
{
    [Function("ListMigrations")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/admin/migrate")] HttpRequest request)
    {
        var status = await runner.GetStatusAsync(request.HttpContext.RequestAborted);
        return ApiResults.Ok(new MigrationResponse(ProviderName, status.Applied, status.Pending, []));
    }

    [Function("ApplyMigrations")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Apply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/admin/migrate")] HttpRequest request)
    {
        var appliedNow = await runner.ApplyPendingAsync(request.HttpContext.RequestAborted);
        var status = await runner.GetStatusAsync(request.HttpContext.RequestAborted);
        return ApiResults.Ok(new MigrationResponse(ProviderName, status.Applied, status.Pending, appliedNow));
    }

    private string ProviderName => databaseSettings.Provider.ToString().ToLowerInvariant();
}
