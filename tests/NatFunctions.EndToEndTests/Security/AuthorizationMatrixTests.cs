using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Security;

/// <summary>
/// Every route the worker exposes × every kind of caller. The expected role per function is product-spec §3,
/// written down here independently of the code; a function missing from this table fails the test, so a new
/// route cannot ship without its access rule being decided and checked.
/// </summary>
public sealed class AuthorizationMatrixTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private const string Anonymous = "anonymous";

    private static readonly Dictionary<string, string> RequiredRole = new(StringComparer.Ordinal)
    {
        ["Health"] = Anonymous,
        ["ProvisionVm"] = "operator",
        ["ListVms"] = "reader",
        ["GetVm"] = "reader",
        ["TemplatePortAction"] = "operator",
        ["PortAction"] = "operator",
        ["DecommissionVm"] = "admin",
        ["ListIpPools"] = "admin",
        ["CreateIpPool"] = "admin",
        ["GetIpPool"] = "admin",
        ["ReplaceIpPool"] = "admin",
        ["DeleteIpPool"] = "admin",
        ["ListPortPools"] = "admin",
        ["CreatePortPool"] = "admin",
        ["GetPortPool"] = "admin",
        ["ReplacePortPool"] = "admin",
        ["DeletePortPool"] = "admin",
        ["ListApiKeys"] = "admin",
        ["CreateApiKey"] = "admin",
        ["GetApiKey"] = "admin",
        ["UpdateApiKey"] = "admin",
        ["DeleteApiKey"] = "admin",
        ["SyncVyosConfig"] = "admin",
        ["ListRouters"] = "admin",
        ["GetRouterNat"] = "admin",
        ["GetRouterPreflight"] = "admin",
        ["ListChanges"] = "admin",
        ["Metrics"] = "reader",
        ["OpenApiDocument"] = "reader",
        ["ListMigrations"] = "admin",
        ["ApplyMigrations"] = "admin",
        ["Mcp"] = "reader",
        ["McpStream"] = "reader",
    };

    private static readonly string[] Ranks = ["reader", "operator", "admin"];

    [Fact]
    public void Every_exposed_route_has_a_decided_access_rule()
    {
        var undecided = RouteTable.Load().Where(route => !RequiredRole.ContainsKey(route.Function)).Select(route => route.ToString()).ToList();

        Assert.True(undecided.Count == 0, "Routes without an entry in the authorization matrix: " + string.Join(", ", undecided));
    }

    [Fact]
    public async Task Every_route_answers_every_kind_of_caller_as_the_matrix_says()
    {
        var callers = await CreateCallersAsync();
        var failures = new List<string>();
        foreach (var route in RouteTable.Load().Where(route => RequiredRole.ContainsKey(route.Function)))
        {
            var required = RequiredRole[route.Function];
            foreach (var (callerName, key) in callers)
            {
                var status = await SendAsync(route, key);
                var expectation = Expect(required, callerName);
                if (!expectation.Allows(status))
                {
                    failures.Add($"{route} as {callerName}: got {(int)status}, expected {expectation}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static Expectation Expect(string required, string caller)
    {
        if (required == Anonymous)
        {
            return Expectation.Passes;
        }

        var callerRank = Array.IndexOf(Ranks, caller);
        if (callerRank < 0)
        {
            return Expectation.Is(HttpStatusCode.Unauthorized);
        }

        return callerRank >= Array.IndexOf(Ranks, required) ? Expectation.Passes : Expectation.Is(HttpStatusCode.Forbidden);
    }

    private async Task<HttpStatusCode> SendAsync(HttpRoute route, string? key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.SamplePath());
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-API-Key", key);
        }

        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await fixture.Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<List<(string Name, string? Key)>> CreateCallersAsync()
    {
        var callers = new List<(string, string?)>
        {
            ("no key", null),
            ("malformed key", "definitely not a key"),
            ("unknown key", "nfk_abcdefghijkl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            ("admin", TestKeys.BootstrapAdmin),
        };
        foreach (var role in new[] { "reader", "operator" })
        {
            callers.Add((role, await CreateKeyAsync($"matrix-{role}", role, expiresAt: null)));
        }

        var revoked = await CreateKeyAsync("matrix-revoked", "admin", expiresAt: null, returnId: true);
        await fixture.AdminClient.PatchAsync(
            $"/v1/admin/api-keys/{revoked.Split('|')[1]}", new StringContent("""{"revoked":true}""", System.Text.Encoding.UTF8, "application/json"));
        callers.Add(("revoked key", revoked.Split('|')[0]));

        var expiring = await CreateKeyAsync("matrix-expired", "admin", DateTime.UtcNow.AddSeconds(2));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        callers.Add(("expired key", expiring));
        return callers;
    }

    private async Task<string> CreateKeyAsync(string name, string role, DateTime? expiresAt, bool returnId = false)
    {
        var response = await fixture.AdminClient.PostJsonAsync("/v1/admin/api-keys", new { name, role, expires_at = expiresAt });
        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = body.GetProperty("key").GetString()!;
        return returnId ? $"{key}|{body.GetProperty("id").GetInt64()}" : key;
    }

    private sealed record Expectation(HttpStatusCode? Exactly)
    {
        public static readonly Expectation Passes = new((HttpStatusCode?)null);

        public static Expectation Is(HttpStatusCode status) => new(status);

        public bool Allows(HttpStatusCode status) => Exactly is { } exact
            ? status == exact
            : status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500;

        public override string ToString() => Exactly is { } exact ? ((int)exact).ToString(System.Globalization.CultureInfo.InvariantCulture) : "authorised (not 401/403/5xx)";
    }
}
