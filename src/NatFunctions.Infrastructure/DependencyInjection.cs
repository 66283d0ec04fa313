using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Health;
using NatFunctions.Infrastructure.Auth;
using NatFunctions.Infrastructure.Health;
using NatFunctions.Core.Provisioning;
using NatFunctions.Infrastructure.Applying;
using NatFunctions.Infrastructure.Audit;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.Infrastructure.Pools;
using NatFunctions.Infrastructure.Provisioning;
using NatFunctions.Infrastructure.Routers;
using NatFunctions.Infrastructure.Storage;

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
        services.AddScoped<IApiKeyRepository, EfApiKeyRepository>();
        services.AddScoped<IDatabaseHealthProbe, DatabaseHealthProbe>();
        services.AddScoped<IProvisioningStore, EfProvisioningStore>();

        var storageSettings = StorageSettings.FromConfiguration(configuration);
        services.AddSingleton(storageSettings);
        services.AddSingleton<IStorageHealthProbe>(provider => new StorageHealthProbe(
            BlobServiceClientFactory.Create(storageSettings),
            provider.GetRequiredService<ILogger<StorageHealthProbe>>()));
        services.AddRouters(configuration);
        services.AddPoolRepositories();
        services.AddApplying();
        services.AddAuditAndIdempotencyStores();
        return services;
    }
}
