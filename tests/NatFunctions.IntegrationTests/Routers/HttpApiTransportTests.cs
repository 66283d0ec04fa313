using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Routers;

/// <summary>
/// `http-api` is a valid transport name in settings but has no client in this build (decision 0008): the app must
/// refuse to start with a message naming the setting, not accept writes it can never apply.
/// </summary>
public sealed class HttpApiTransportTests
{
    [Fact]
    public void A_router_on_the_http_api_transport_stops_startup_naming_the_setting()
    {
        var routers = RouterSettingsLoader.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Routers:edge:Transport"] = "http-api",
                ["Routers:edge:Host"] = "192.0.2.1",
                ["Routers:edge:Password"] = "api-key-not-used",
                ["Routers:edge:HostKeySha256"] = new string('A', 43),
                ["Routers:edge:Username"] = "vyos",
            })
            .Build(), Path.GetTempPath());

        var error = Assert.Throws<RouterSettingsException>(() => new RouterClientFactory(routers, NullLoggerFactory.Instance, TimeProvider.System));

        Assert.Contains("Routers:edge:Transport 'http-api' is not available in this build; use ssh", error.Errors);
    }
}
