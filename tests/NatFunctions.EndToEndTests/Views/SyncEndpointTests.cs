using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Views;

/// <summary>
/// POST /v1/admin/sync-vyos-config over HTTP: <c>?router=</c> narrows the run to one router, <c>dry_run</c> reports
/// without recording or sending anything, and an unreachable router is reported, not fatal for the others.
/// </summary>
[Collection(ViewsCollection.Name)]
public sealed class SyncEndpointTests(ViewsLocalHostFixture fixture)
{
    [Fact]
    public async Task A_dry_run_for_one_router_reports_it_alone_and_records_nothing()
    {
        await ProvisionedVm.CreateAsync(fixture.AdminClient, "sync-dry-01");
        var changesBefore = await CountChangesAsync();

        using var response = await fixture.AdminClient.PostAsync("/v1/admin/sync-vyos-config?router=local&dry_run=true", content: null);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("dry_run").GetBoolean());
        var report = Assert.Single(body.GetProperty("routers").EnumerateArray());
        Assert.Equal("local", report.GetProperty("router").GetString());
        Assert.Equal("dry_run", report.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("change_id").ValueKind);
        Assert.Equal(0, report.GetProperty("commands").GetArrayLength());
        Assert.Contains(report.GetProperty("unmanaged").EnumerateArray(), rule => rule.GetProperty("rule_number").GetInt32() == ViewsLocalHostFixture.ForeignRuleInRange);
        Assert.DoesNotContain(report.GetProperty("unmanaged").EnumerateArray(), rule => rule.GetProperty("rule_number").GetInt32() == ViewsLocalHostFixture.ForeignRuleOutsideRange);
        Assert.Contains(report.GetProperty("no_change").GetProperty("rules").EnumerateArray(), rule => rule.GetInt32() >= 10000);
        Assert.Equal(changesBefore, await CountChangesAsync());
    }

    [Fact]
    public async Task A_run_over_every_router_reports_the_unreachable_one_and_still_serves_the_other()
    {
        using var response = await fixture.AdminClient.PostAsync("/v1/admin/sync-vyos-config?dry_run=true", content: null);
        var body = await response.ReadJsonAsync();
        var reports = body.GetProperty("routers").EnumerateArray().ToDictionary(report => report.GetProperty("router").GetString()!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["down", "local"], reports.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("dry_run", reports["local"].GetProperty("result").GetString());
        Assert.NotEqual("dry_run", reports["down"].GetProperty("result").GetString());
        Assert.False(string.IsNullOrEmpty(reports["down"].GetProperty("error").GetString()));
    }

    [Fact]
    public async Task An_unknown_router_is_a_404_problem_and_nothing_is_recorded()
    {
        var changesBefore = await CountChangesAsync();

        using var response = await fixture.AdminClient.PostAsync("/v1/admin/sync-vyos-config?router=elsewhere", content: null);
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("No router of that name is configured.", problem.GetProperty("detail").GetString());
        Assert.Equal(changesBefore, await CountChangesAsync());
    }

    [Fact]
    public async Task A_dry_run_flag_that_is_not_true_or_false_is_a_400_naming_it()
    {
        using var response = await fixture.AdminClient.PostAsync("/v1/admin/sync-vyos-config?router=local&dry_run=yes", content: null);
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["must be true or false"], problem.GetProperty("errors").GetProperty("dry_run").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task<int> CountChangesAsync()
    {
        var count = 0;
        string? cursor = null;
        do
        {
            var path = cursor is null ? "/v1/admin/changes?page_size=100" : $"/v1/admin/changes?page_size=100&cursor={Uri.EscapeDataString(cursor)}";
            using var response = await fixture.AdminClient.GetAsync(path);
            var page = await response.ReadJsonAsync();
            count += page.GetProperty("items").GetArrayLength();
            cursor = page.TryGetProperty("next_cursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);

        return count;
    }
}
