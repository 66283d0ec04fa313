using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Foundation;

/// <summary>LocalHost reads app settings from local.settings.json <c>Values</c>, with the environment taking precedence.</summary>
public sealed class LocalSettingsValuesTests(LocalSettingsValuesFixture fixture) : IClassFixture<LocalSettingsValuesFixture>
{
    [Fact]
    public async Task A_router_configured_only_in_the_values_file_is_served()
    {
        using var response = await fixture.AdminClient.GetAsync("/v1/health");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("routers").GetProperty(LocalSettingsValuesFixture.ValuesOnlyRouter).GetString());
        Assert.Equal("ok", body.GetProperty("routers").GetProperty("local").GetString());
    }

    [Fact]
    public async Task The_environment_wins_over_the_values_file()
    {
        using var shadowed = fixture.ClientWithKey(LocalSettingsValuesFixture.ShadowedBootstrapKey);

        using var withValuesKey = await shadowed.GetAsync("/v1/admin/api-keys");
        using var withEnvironmentKey = await fixture.AdminClient.GetAsync("/v1/admin/api-keys");

        Assert.Equal(HttpStatusCode.Unauthorized, withValuesKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withEnvironmentKey.StatusCode);
    }
}
