using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var databaseSettings = DatabaseSettings.FromConfiguration(configuration);
        services.AddSingleton(databaseSettings);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<NatFunctionsDbContext>(options => options.UseConfiguredDatabase(databaseSettings));
        services.AddScoped<MigrationRunner>();
        return services;
    }
}
