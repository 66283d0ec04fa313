using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Audit;
using NatFunctions.Core.Idempotency;
using NatFunctions.Core.Routers.Views;
using NatFunctions.Infrastructure.Idempotency;

namespace NatFunctions.Infrastructure.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers the EF stores behind the audit log, the router views' activity and <c>Idempotency-Key</c>
    /// (scoped, like the context).
    /// </summary>
    public static IServiceCollection AddAuditAndIdempotencyStores(this IServiceCollection services)
    {
        services.AddScoped<IRouterChangeLog, EfRouterChangeLog>();
        services.AddScoped<IRouterActivityStore, EfRouterActivityStore>();
        services.AddScoped<IIdempotencyStore, EfIdempotencyStore>();
        return services;
    }
}
