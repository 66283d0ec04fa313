using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Views;

/// <summary>GET /v1/admin/changes: the audit of router sessions, through the real worker and the simulated router.</summary>
[Collection(ViewsCollection.Name)]
public sealed class ChangeAuditTests(ViewsLocalHostFixture fixture)
{
    [Fact]
    public async Task A_provision_appears_as_a_committed_api_session_with_its_exact_commands()
    {
        var vm = await ProvisionedVm.CreateAsync(fixture.AdminClient, "audit-provisioned");

        var response = await fixture.AdminClient.GetAsync("/v1/admin/changes?router=local&page_size=500");
        var body = await response.ReadJsonAsync();
        var session = body.GetProperty("items").EnumerateArray()
            .Single(change => Commands(change).Any(line => line.Contains("'nf:audit-provisioned:ssh'", StringComparison.Ordinal)));
        var commands = Commands(session);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("local", session.GetProperty("router").GetString());
        Assert.Equal("committed", session.GetProperty("result").GetString());
        Assert.Equal("api", session.GetProperty("trigger").GetString());
        Assert.Equal(JsonValueKind.String, session.GetProperty("finished_at").ValueKind);
        Assert.Contains(commands, line => line.StartsWith("set nat destination rule ", StringComparison.Ordinal)
            && line.EndsWith($"translation address '{vm.InternalIp}'", StringComparison.Ordinal));
        Assert.Contains(commands, line => line.EndsWith($"destination port '{vm.ExternalPorts["http"]}'", StringComparison.Ordinal));
        Assert.True(session.GetProperty("drift").GetProperty("missing").GetInt32() >= 2);
        Assert.Equal(1, session.GetProperty("drift").GetProperty("unmanaged").GetInt32());
    }

    [Fact]
    public async Task Pages_run_newest_first_and_the_cursor_continues_with_older_sessions()
    {
        await ProvisionedVm.CreateAsync(fixture.AdminClient, "audit-page-a");
        await ProvisionedVm.CreateAsync(fixture.AdminClient, "audit-page-b");

        var first = await (await fixture.AdminClient.GetAsync("/v1/admin/changes?page_size=1")).ReadJsonAsync();
        var cursor = first.GetProperty("next_cursor").GetString()!;
        var second = await (await fixture.AdminClient.GetAsync($"/v1/admin/changes?page_size=1&cursor={Uri.EscapeDataString(cursor)}")).ReadJsonAsync();
        var everything = await (await fixture.AdminClient.GetAsync("/v1/admin/changes?page_size=500")).ReadJsonAsync();
        var ids = everything.GetProperty("items").EnumerateArray().Select(change => change.GetProperty("id").GetInt64()).ToList();

        Assert.Equal(ids.OrderByDescending(id => id), ids);
        Assert.Equal(ids[0], Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(ids[1], Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, everything.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task The_router_filter_keeps_only_that_routers_sessions()
    {
        await ProvisionedVm.CreateAsync(fixture.AdminClient, "audit-filtered");

        var local = await (await fixture.AdminClient.GetAsync("/v1/admin/changes?router=local")).ReadJsonAsync();
        var down = await (await fixture.AdminClient.GetAsync("/v1/admin/changes?router=down")).ReadJsonAsync();

        Assert.NotEmpty(local.GetProperty("items").EnumerateArray());
        Assert.All(local.GetProperty("items").EnumerateArray(), change => Assert.Equal("local", change.GetProperty("router").GetString()));
        Assert.All(down.GetProperty("items").EnumerateArray(), change => Assert.Equal("down", change.GetProperty("router").GetString()));
    }

    [Theory]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=501", "page_size")]
    [InlineData("page_size=ten", "page_size")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    [InlineData("router=no%20such", "router")]
    public async Task Bad_paging_parameters_are_400_naming_the_parameter(string query, string field)
    {
        var response = await fixture.AdminClient.GetAsync($"/v1/admin/changes?{query}");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    private static List<string> Commands(JsonElement change) =>
        change.GetProperty("commands").EnumerateArray().Select(line => line.GetString()!).ToList();
}
