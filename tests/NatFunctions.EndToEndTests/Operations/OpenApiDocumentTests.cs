using System.Text.Json;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>The document against the built worker (no host needed) and the validator against known answers.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public void Every_http_route_of_the_worker_build_is_in_the_document()
    {
        var routes = FunctionRoute.FromWorkerBuild();
        var contract = OpenApiContract.Load();

        var missing = routes.Where(route => !contract.HasOperation(route.PathTemplate, route.Method))
            .Select(route => $"{route.Method.ToUpperInvariant()} {route.PathTemplate} ({route.Function})")
            .ToList();

        Assert.True(routes.Count >= 25, $"functions.metadata lists only {routes.Count} HTTP routes");
        Assert.Empty(missing);
    }

    [Fact]
    public void The_document_is_openapi_3_1_and_every_operation_names_its_role_and_answers()
    {
        var document = JsonDocument.Parse(File.ReadAllText(OpenApiContract.DocumentPath)).RootElement;

        Assert.Equal("3.1.0", document.GetProperty("openapi").GetString());
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(operation.Value.TryGetProperty("x-required-role", out _), $"{operation.Name} {path.Name} has no x-required-role");
                Assert.True(operation.Value.TryGetProperty("operationId", out _), $"{operation.Name} {path.Name} has no operationId");
                Assert.Contains(operation.Value.GetProperty("responses").EnumerateObject(), response => response.Name.StartsWith('2'));
            }
        }
    }

    [Fact]
    public void A_response_that_breaks_the_document_is_reported()
    {
        var contract = OpenApiContract.Load();
        var good = """{"status":"healthy","database":"ok","storage":"not_configured","routers":{"local":"ok"}}""";

        Assert.Empty(contract.Check(new RecordedExchange("GET", "/v1/health", 200, "application/json", good)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/health", 200, "application/json", good.Replace("\"ok\"}", "\"fine\"}", StringComparison.Ordinal))));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/health", 200, "application/json", """{"status":"healthy"}""")));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/health", 200, "application/json", good.Replace("}}", "},\"extra\":1}", StringComparison.Ordinal))));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/health", 418, "application/json", good)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/nowhere", 200, "application/json", good)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/vms/x", 404, "application/json", "{}")));
    }
}
