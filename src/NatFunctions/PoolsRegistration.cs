using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Pools;

namespace NatFunctions;

/// <summary>Registers the pool use cases; their repositories come from <c>AddPoolRepositories</c> in Infrastructure.</summary>
public static class PoolsRegistration
{
    public static IServiceCollection AddPoolUseCases(this IServiceCollection services)
    {
        services.AddScoped<IpPoolAdministration>();
        services.AddScoped<PortPoolAdministration>();
        services.AddScoped<PoolSeeder>();
        return services;
    }
}
