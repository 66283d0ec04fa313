using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Contracts;
using NatFunctions.Core.Audit;
using NatFunctions.Core.Domain;
using NatFunctions.Http;

namespace NatFunctions.Functions;

public sealed class ChangeFunctions(ChangeQueries queries)
{
    [Function("ListChanges")]
    [RequiresRole(ApiRole.Admin)]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/admin/changes")] HttpRequest request)
    {
        var query = request.Query;
        var result = await queries.ListAsync(
            new ChangeQueryText(
                query.LastValue("router"), query.LastValue("result"), query.LastValue("trigger"), query.LastValue("since"),
                query.LastValue("until"), query.LastValue("cursor"), query.LastValue("page_size")),
            request.HttpContext.RequestAborted);
        return ApiResults.From(result, page => ApiResults.Ok(new ChangeListResponse(page.Items.Select(ChangeResponse.From).ToList(), page.NextCursor)));
    }
}
