using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Applying;
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
/// Core's one registration entry: its use cases, the reconciler and applier, and the settings Core itself parses. The
/// ports they need (stores, router clients, the router lease, metrics, <see cref="TimeProvider"/>) come from
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
        var apply = ApplySettings.FromConfiguration(configuration);
        services.AddSingleton(apply);
        services.AddSingleton(new WriteWaitSettings(apply.Wait));

        services.AddSingleton<EntraIdAuthenticator>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddScoped<ApiKeyAdministration>();
        services.AddScoped<HealthChecker>();
        services.AddSingleton<RouterHealthCache>();

        services.AddScoped<IpPoolAdministration>();
        services.AddScoped<PortPoolAdministration>();
        services.AddScoped<PoolSeeder>();

        // Every write and sync of a router goes through its session queue in the one GroupCommitApplier.
        services.AddSingleton<RouterReservationCache>();
        services.AddSingleton<IRouterReservationSource>(provider => provider.GetRequiredService<RouterReservationCache>());
        services.AddSingleton<RouterReconciler>();
        services.AddSingleton<GroupCommitApplier>();
        services.AddSingleton<IRouterApplier>(provider => provider.GetRequiredService<GroupCommitApplier>());
        services.AddSingleton<IRouterSync>(provider => provider.GetRequiredService<GroupCommitApplier>());

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
