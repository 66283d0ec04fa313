using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Contracts;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;
using NatFunctions.Http;

namespace NatFunctions.Functions;

public sealed class ApiKeyFunctions(ApiKeyAdministration administration)
{
    private const string Collection = "v1/admin/api-keys";
    private const string Item = "v1/admin/api-keys/{id}";

    [Function("ListApiKeys")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Collection)] HttpRequest request)
    {
        var keys = await administration.ListAsync(request.HttpContext.RequestAborted);
        return ApiResults.Ok(new ApiKeyListResponse(keys.Select(ApiKeyResponse.From).ToList()));
    }

    [Function("CreateApiKey")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Collection)] HttpRequest request)
    {
        var body = await JsonBody.ReadAsync<CreateApiKeyRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var created = await administration.CreateAsync(
            new NewApiKey(body.Value!.Name, body.Value.Role, body.Value.ExpiresAt), request.HttpContext.RequestAborted);
        return ApiResults.From(created, key => ApiResults.Created(CreatedApiKeyResponse.From(key)));
    }

    [Function("GetApiKey")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Item)] HttpRequest request, string id)
    {
        if (!long.TryParse(id, out var keyId))
        {
            return Problems.NotFound("No API key has that id.");
        }

        var key = await administration.GetAsync(keyId, request.HttpContext.RequestAborted);
        return ApiResults.From(key, view => ApiResults.Ok(ApiKeyResponse.From(view)));
    }

    [Function("UpdateApiKey")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Update(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Item)] HttpRequest request, string id)
    {
        if (!long.TryParse(id, out var keyId))
        {
            return Problems.NotFound("No API key has that id.");
        }

        var body = await JsonBody.ReadAsync<UpdateApiKeyRequest>(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var change = new ApiKeyChange(body.Value!.Name, body.Value.Role, body.Value.ExpiresAt, body.Value.ClearExpiry ?? false, body.Value.Revoked);
        var key = await administration.ChangeAsync(keyId, change, request.HttpContext.RequestAborted);
        return ApiResults.From(key, view => ApiResults.Ok(ApiKeyResponse.From(view)));
    }

    [Function("DeleteApiKey")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Item)] HttpRequest request, string id)
    {
        if (!long.TryParse(id, out var keyId))
        {
            return Problems.NotFound("No API key has that id.");
        }

        var deleted = await administration.DeleteAsync(keyId, request.HttpContext.RequestAborted);
        return ApiResults.From(deleted, _ => new NoContentResult());
    }
}
