using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Auth.EntraId;
using NatFunctions.Core.Health;
using NatFunctions.Core.Provisioning;
using NatFunctions.Infrastructure.Applying;

namespace NatFunctions;

/// <summary>Registers the Core use cases; Infrastructure registers its own adapters.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddUseCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new BootstrapAdminKey(configuration["Auth:BootstrapAdminKey"]));
        services.AddSingleton(NatFunctions.Http.RateLimitSettings.FromConfiguration(configuration));
        services.AddSingleton<NatFunctions.Http.ClientAddressLimiter>();
        // Loaded now, not on first use: wrong Entra ID settings stop the app at startup with every problem listed.
        services.AddSingleton(EntraIdSettings.Load(configuration));
        services.AddSingleton(NatFunctions.Core.Audit.AuditRetention.FromConfiguration(configuration));
        services.AddSingleton<EntraIdAuthenticator>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddScoped<ApiKeyAdministration>();
        services.AddScoped<HealthChecker>();
        services.AddSingleton<RouterHealthCache>();
        services.AddPoolUseCases();

        services.AddSingleton(provider => new WriteWaitSettings(provider.GetRequiredService<ApplySettings>().Wait));
        services.AddSingleton<AllocationGate>();
        services.AddScoped<ApplyAwaiter>();
        services.AddScoped<VmProvisioner>();
        services.AddScoped<PortActionService>();
        services.AddScoped<VmQueries>();
        services.AddScoped<VmDecommissioner>();
        services.AddViewUseCases();
        services.AddScoped<NatFunctions.Mcp.McpToolCatalog>();
        services.AddScoped<NatFunctions.Mcp.McpEndpoint>();
        return services;
    }
}
