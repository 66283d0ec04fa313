using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Views;

/// <summary>
/// GET /v1/admin/routers/{name}/preflight through the real worker: the simulated router <c>local</c> (VyOS 1.4, no
/// interfaces in its configuration, a foreign rule inside the managed range) and the unreachable <c>down</c>.
/// </summary>
[Collection(ViewsCollection.Name)]
public sealed class RouterPreflightTests(ViewsLocalHostFixture fixture)
{
    [Fact]
    public async Task The_preflight_of_the_simulated_router_reports_each_check_with_a_fix_for_what_is_wrong()
    {
        var response = await fixture.AdminClient.GetAsync("/v1/admin/routers/local/preflight");
        var body = await response.ReadJsonAsync();
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(check => check.GetProperty("check").GetString()!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", body.GetProperty("router").GetString());
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Equal(
            ["connection", "version", "inbound_interface", "dhcp_subnet", "commit_confirm", "foreign_rules", "forward_filter"],
            body.GetProperty("checks").EnumerateArray().Select(check => check.GetProperty("check").GetString()));
        Assert.Equal("ok", checks["version"].GetProperty("status").GetString());
        Assert.Contains("VyOS 1.4", checks["version"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, checks["version"].GetProperty("fix").ValueKind);
        Assert.Equal("error", checks["inbound_interface"].GetProperty("status").GetString());
        Assert.Contains("Routers:local:InboundInterface", checks["inbound_interface"].GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", checks["dhcp_subnet"].GetProperty("status").GetString());
        Assert.Equal("warning", checks["foreign_rules"].GetProperty("status").GetString());
        Assert.Contains($"({ViewsLocalHostFixture.ForeignRuleInRange})", checks["foreign_rules"].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", checks["forward_filter"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unreachable_router_gets_a_report_whose_connection_check_says_what_to_check()
    {
        var response = await fixture.AdminClient.GetAsync("/v1/admin/routers/down/preflight");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = Assert.Single(body.GetProperty("checks").EnumerateArray());
        Assert.Equal("connection", check.GetProperty("check").GetString());
        Assert.Equal("error", check.GetProperty("status").GetString());
        Assert.Contains("Routers:down:Host", check.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-password", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_router_is_404()
    {
        var response = await fixture.AdminClient.GetAsync("/v1/admin/routers/nowhere/preflight");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("reader")]
    [InlineData("operator")]
    public async Task The_preflight_needs_the_admin_role(string role)
    {
        var created = await (await fixture.AdminClient.PostJsonAsync("/v1/admin/api-keys", new { name = $"preflight-{role}", role })).ReadJsonAsync();
        using var client = fixture.ClientWithKey(created.GetProperty("key").GetString()!);

        var response = await client.GetAsync("/v1/admin/routers/local/preflight");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
