using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Health;

namespace NatFunctions;

/// <summary>Registers the Core use cases; Infrastructure registers its own adapters.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddUseCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new BootstrapAdminKey(configuration["Auth:BootstrapAdminKey"]));
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddScoped<ApiKeyAdministration>();
        services.AddScoped<HealthChecker>();
        return services;
    }
}
