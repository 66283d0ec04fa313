using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Audit;
using NatFunctions.Core.Idempotency;
using NatFunctions.Core.Routers.Preflight;
using NatFunctions.Core.Routers.Views;
using NatFunctions.Http;

namespace NatFunctions;

/// <summary>
/// Registers the router views, the audit log and <c>Idempotency-Key</c>; their stores come from
/// <c>AddAuditAndIdempotencyStores</c> in Infrastructure.
/// </summary>
public static class ViewsRegistration
{
    public static IServiceCollection AddViewUseCases(this IServiceCollection services)
    {
        services.AddSingleton<RouterConfigurationReader>();
        services.AddScoped<RouterViewQueries>();
        services.AddScoped<RouterPreflightQuery>();
        services.AddScoped<ChangeQueries>();
        services.AddScoped<AuditPruning>();
        services.AddScoped<IdempotentExecution>();
        services.AddScoped<IdempotencyGuard>();
        return services;
    }
}
