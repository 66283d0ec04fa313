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
                // A success, or (GET and DELETE of the stateless MCP endpoint) the 405 the MCP specification allows in its place.
                Assert.Contains(operation.Value.GetProperty("responses").EnumerateObject(), response => response.Name.StartsWith('2') || response.Name == "405");
            }
        }
    }

    [Fact]
    public void Every_operation_but_the_anonymous_ones_declares_the_api_key_and_its_refusals()
    {
        var contract = OpenApiContract.Load();
        var document = JsonDocument.Parse(File.ReadAllText(OpenApiContract.DocumentPath)).RootElement;
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        var failures = new List<string>();

        foreach (var operation in contract.Operations)
        {
            var anonymous = operation.Definition.GetProperty("x-required-role").GetString() == "anonymous";
            if (!operation.Definition.TryGetProperty("security", out var security))
            {
                failures.Add($"{operation}: no security of its own");
                continue;
            }

            var requirements = security.EnumerateArray().Select(requirement => string.Join("+", requirement.EnumerateObject().Select(entry => entry.Name))).ToList();
            var expected = anonymous ? [] : new[] { "ApiKey" };
            if (!requirements.SequenceEqual(expected))
            {
                failures.Add($"{operation}: security [{string.Join(", ", requirements)}], expected [{string.Join(", ", expected)}]");
            }

            var statuses = operation.Definition.GetProperty("responses").EnumerateObject().Select(response => response.Name).ToHashSet();
            var refusals = (anonymous ? [] : new[] { "401", "403", "429" })
                .Concat(operation.Definition.TryGetProperty("requestBody", out _) ? ["400", "413"] : Array.Empty<string>())
                .Append("500");
            failures.AddRange(refusals.Where(status => !statuses.Contains(status)).Select(status => $"{operation}: {status} not documented"));
        }

        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-API-Key", scheme.GetProperty("name").GetString());
        Assert.Contains(contract.Operations, operation => operation.OperationId == "Health");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void A_response_that_breaks_the_document_is_reported()
    {
        var contract = OpenApiContract.Load();
        var good = """{"status":"healthy","database":"ok","storage":"not_configured","routers":{"local":"ok"}}""";

        Assert.Empty(contract.Check(new RecordedExchange("GET", "/v1/health", 200, "application/json", good)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/health", 200, "application/json", good.Replace("\"ok\"}", "\"fine\"}", StringComparison.Ordinal))));
        Assert.Empty(contract.Check(new RecordedExchange("GET", "/v1/health", 200, "application/json", """{"status":"healthy"}""")));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/health", 200, "application/json", """{"database":"ok"}""")));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/health", 200, "application/json", good.Replace("}}", "},\"extra\":1}", StringComparison.Ordinal))));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/health", 418, "application/json", good)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/nowhere", 200, "application/json", good)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/vms/x", 404, "application/json", "{}")));
    }

    [Fact]
    public void A_request_the_api_accepted_must_fit_the_documented_request_body()
    {
        var contract = OpenApiContract.Load();
        const string created = """{"name":"lan","router":"local","cidr":"10.0.0.0/24","range_start":"10.0.0.10","range_end":"10.0.0.20","is_active":true,"capacity":11,"used":0,"free":11,"created_at":"2026-11-25T19:52:42.1957837Z","updated_at":"2026-11-25T19:52:42.1957837Z"}""";

        Assert.Empty(contract.Check(new RecordedExchange("POST", "/v1/admin/ip-pools", 201, "application/json", created) { RequestBody = """{"name":"lan","router":"local","cidr":"10.0.0.0/24"}""" }));
        Assert.NotEmpty(contract.Check(new RecordedExchange("POST", "/v1/admin/ip-pools", 201, "application/json", created) { RequestBody = """{"name":"lan","subnet":"10.0.0.0/24"}""" }));
        Assert.NotEmpty(contract.Check(new RecordedExchange("POST", "/v1/admin/ip-pools", 201, "application/json", created)));
    }

    [Fact]
    public void Paths_match_as_the_host_routes_them_and_unrouted_requests_get_only_the_hosts_404_or_405()
    {
        var contract = OpenApiContract.Load();
        const string notFound = """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,"detail":"No function serves '/v1/x'.","instance":"/v1/x"}""";
        const string notAllowed = """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.6","title":"Method Not Allowed","status":405,"detail":"'/v1/health' does not accept POST."}""";
        var allow = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Allow"] = "GET" };

        Assert.Equal("GetVm", contract.Find("GET", "/v1/vms/web-01")?.OperationId);
        Assert.Equal("TemplatePortAction", contract.Find("POST", "/v1/vms/web-01/ports/template")?.OperationId);
        Assert.Equal("PortAction", contract.Find("POST", "/v1/vms/web-01/ports/api")?.OperationId);
        Assert.Equal("Health", contract.Find("GET", "/V1/HEALTH/")?.OperationId);
        Assert.Empty(contract.Check(new RecordedExchange("GET", "/v1/x", 404, "application/problem+json", notFound)));
        Assert.Empty(contract.Check(new RecordedExchange("POST", "/v1/health", 405, "application/problem+json", notAllowed, allow)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("POST", "/v1/health", 405, "application/problem+json", notAllowed)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("POST", "/v1/health", 404, "application/problem+json", notFound)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/x", 200, "application/json", "{}")));
    }

    [Fact]
    public void Required_headers_media_types_and_bodies_are_checked()
    {
        var contract = OpenApiContract.Load();
        const string problem = """{"type":"https://natfunctions.dev/problems/429","title":"Too many requests.","status":429,"detail":"Retry later.","correlation_id":"c-1"}""";
        var retryAfter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Retry-After"] = "1" };

        Assert.Empty(contract.Check(new RecordedExchange("GET", "/v1/vms", 429, "application/problem+json", problem, retryAfter)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/vms", 429, "application/problem+json", problem)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/vms", 429, "application/json", problem, retryAfter)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/vms", 429, "application/problem+json", problem.Replace(",\"correlation_id\":\"c-1\"", "", StringComparison.Ordinal), retryAfter)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("GET", "/v1/vms", 429, "application/problem+json", "{not json", retryAfter)));
        Assert.NotEmpty(contract.Check(new RecordedExchange("DELETE", "/v1/admin/ip-pools/lan", 204, null, "{}")));
        Assert.Empty(contract.Check(new RecordedExchange("DELETE", "/v1/admin/ip-pools/lan", 204, null, string.Empty)));
    }
}
