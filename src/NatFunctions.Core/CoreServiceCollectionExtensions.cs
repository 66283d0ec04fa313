using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Audit;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Auth.EntraId;
using NatFunctions.Core.Health;
using NatFunctions.Core.Idempotency;
using NatFunctions.Core.Pools;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Routers.Preflight;
using NatFunctions.Core.Routers.Views;

namespace NatFunctions.Core;

/// <summary>
/// Core's one registration entry: its use cases and the settings Core itself parses. The ports they need (stores,
/// router clients, the applier, <see cref="TimeProvider"/>, <see cref="WriteWaitSettings"/>) come from
/// Infrastructure's <c>AddInfrastructure</c>; the app's HTTP parts from its own entry.
/// </summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new BootstrapAdminKey(configuration["Auth:BootstrapAdminKey"]));
        // Loaded now, not on first use: wrong Entra ID or retention settings stop the app at startup with every problem listed.
        services.AddSingleton(EntraIdSettings.Load(configuration));
        services.AddSingleton(AuditRetention.FromConfiguration(configuration));

        services.AddSingleton<EntraIdAuthenticator>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddScoped<ApiKeyAdministration>();
        services.AddScoped<HealthChecker>();
        services.AddSingleton<RouterHealthCache>();

        services.AddScoped<IpPoolAdministration>();
        services.AddScoped<PortPoolAdministration>();
        services.AddScoped<PoolSeeder>();

        services.AddSingleton<AllocationGate>();
        services.AddScoped<ApplyAwaiter>();
        services.AddScoped<VmProvisioner>();
        services.AddScoped<PortActionService>();
        services.AddScoped<VmQueries>();
        services.AddScoped<VmDecommissioner>();

        services.AddSingleton<RouterConfigurationReader>();
        services.AddScoped<RouterViewQueries>();
        services.AddScoped<RouterPreflightQuery>();
        services.AddScoped<ChangeQueries>();
        services.AddScoped<AuditPruning>();
        services.AddScoped<IdempotentExecution>();
        return services;
    }
}
