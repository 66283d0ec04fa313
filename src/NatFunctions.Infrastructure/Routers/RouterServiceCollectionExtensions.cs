using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Hosting;

namespace NatFunctions.Infrastructure.Routers;

public static class RouterServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRouterClientFactory"/> for the routers under <c>Routers:</c> (one simulated router
    /// <c>local</c> when none is configured). Settings are read and validated here, so a misconfigured router stops
    /// the app at startup with every problem listed (<see cref="RouterSettingsException"/>).
    /// </summary>
    public static IServiceCollection AddRouters(this IServiceCollection services, IConfiguration configuration)
    {
        var routers = RouterSettingsLoader.Load(configuration, LocalDataFolder.Root);
        services.AddSingleton<IReadOnlyList<RouterSettings>>(routers);
        var pins = RouterHttpClients.Register(services, routers);
        services.AddSingleton<IRouterClientFactory>(provider => pins.Count == 0
            ? new RouterClientFactory(routers, provider.GetRequiredService<ILoggerFactory>(), provider.GetRequiredService<TimeProvider>())
            : new RouterClientFactory(
                routers,
                provider.GetRequiredService<ILoggerFactory>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<IHttpClientFactory>(),
                pins));
        return services;
    }
}
