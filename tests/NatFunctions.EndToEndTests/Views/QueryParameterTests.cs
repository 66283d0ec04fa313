using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Views;

/// <summary>
/// Every operation reads its query string the same way: a parameter sent twice counts with its last value, so an
/// invalid first value does not refuse the request and the last one decides what runs.
/// </summary>
[Collection(ViewsCollection.Name)]
public sealed class QueryParameterTests(ViewsLocalHostFixture fixture)
{
    [Fact]
    public async Task A_list_parameter_sent_twice_counts_with_its_last_value()
    {
        await ProvisionedVm.CreateAsync(fixture.AdminClient, "query-last-01");
        await ProvisionedVm.CreateAsync(fixture.AdminClient, "query-last-02");

        using var refused = await fixture.AdminClient.GetAsync("/v1/vms?page_size=1&page_size=0");
        using var listed = await fixture.AdminClient.GetAsync("/v1/vms?page_size=0&page_size=1");
        var page = await listed.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_sync_reads_its_router_and_dry_run_by_their_last_values()
    {
        using var response = await fixture.AdminClient.PostAsync(
            "/v1/admin/sync-vyos-config?router=elsewhere&router=local&dry_run=maybe&dry_run=true", content: null);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("dry_run").GetBoolean());
        var report = Assert.Single(body.GetProperty("routers").EnumerateArray());
        Assert.Equal("local", report.GetProperty("router").GetString());
        Assert.Equal("dry_run", report.GetProperty("result").GetString());
    }
}
