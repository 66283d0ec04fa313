using System.Text.Json;
using NatFunctions.Contracts;
using NatFunctions.Core.Provisioning;
using NatFunctions.Http;
using NatFunctions.Infrastructure;

// The same settings as the worker (Database__ConnectionString, Routers__*) come from the environment.
var builder = WebApplication.CreateBuilder(args);
// As the worker: framework categories (ASP.NET Core's request lines, EF Core's line per SQL command) at Warning.
builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddScoped<VmQueries>();

var app = builder.Build();

// The worker's ListVms (src/NatFunctions/Functions/VmFunctions.cs) without the Functions host, its gRPC hop and the
// worker's middleware (metrics, exceptions, API key, rate limit): same query, projection, serializer and content type.
app.MapGet("/v1/vms", async (HttpRequest request, VmQueries queries) =>
{
    var query = request.Query;
    var result = await queries.ListAsync(
        query["router"].LastOrDefault(), query["cursor"].LastOrDefault(), query["page_size"].LastOrDefault(), request.HttpContext.RequestAborted);
    if (!result.Succeeded)
    {
        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: result.Error!.ToString());
    }

    var page = result.Value;
    var json = JsonSerializer.Serialize(new VmListResponse(page.Items.Select(VmResponse.From).ToList(), page.NextCursor), ApiJson.Options);
    return Results.Content(json, "application/json; charset=utf-8");
});

await app.StartAsync();
// The harness waits for this line, as for LocalHost's.
Console.WriteLine($"ReadFloor ready: {string.Join(", ", app.Urls)}");
await app.WaitForShutdownAsync();
