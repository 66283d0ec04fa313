using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Pools;

namespace NatFunctions.Infrastructure.Pools;

public static class PoolsServiceCollectionExtensions
{
    /// <summary>Registers the EF repositories behind IP and port pool administration (scoped, like the context).</summary>
    public static IServiceCollection AddPoolRepositories(this IServiceCollection services)
    {
        services.AddScoped<IIpPoolRepository, EfIpPoolRepository>();
        services.AddScoped<IPortPoolRepository, EfPortPoolRepository>();
        return services;
    }
}
