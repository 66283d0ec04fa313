using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Health;
using NatFunctions.Core.Provisioning;

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
        services.AddPoolUseCases();

        var waitSeconds = configuration.GetValue<int?>("Apply:WaitSeconds");
        services.AddSingleton(waitSeconds is > 0 ? new ApplySettings(TimeSpan.FromSeconds(waitSeconds.Value)) : ApplySettings.Default);
        services.AddSingleton<AllocationGate>();
        services.AddScoped<ApplyAwaiter>();
        services.AddScoped<VmProvisioner>();
        services.AddScoped<PortActionService>();
        services.AddScoped<VmQueries>();
        services.AddScoped<VmDecommissioner>();
        return services;
    }
}
