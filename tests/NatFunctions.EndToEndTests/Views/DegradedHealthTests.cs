using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Views;

/// <summary>A router that cannot be reached degrades health but keeps it 200: writes are still accepted and queued.</summary>
[Collection(ViewsCollection.Name)]
public sealed class DegradedHealthTests(ViewsLocalHostFixture fixture)
{
    [Fact]
    public async Task An_unreachable_router_makes_health_degraded_with_200()
    {
        using var response = await fixture.AdminClient.GetAsync("/v1/health");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("database").GetString());
        Assert.Equal("ok", body.GetProperty("routers").GetProperty("local").GetString());
        Assert.Equal("unreachable", body.GetProperty("routers").GetProperty("down").GetString());
    }
}
