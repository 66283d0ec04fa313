using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Applying;
using NatFunctions.Infrastructure.Leases;
using NatFunctions.Infrastructure.Metrics;
using NatFunctions.Infrastructure.Storage;

namespace NatFunctions.Infrastructure.Applying;

public static class ApplyingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ports Core's reconciler needs (Core's <c>AddCore</c> registers the reconciler itself): the router
    /// lease (an Azure Blob lease when <c>Storage:ConnectionString</c> or <c>Storage:BlobServiceUri</c> is set, in
    /// process otherwise), the reconcile store on EF Core, and the metrics reconciles record.
    /// Needs the database, <see cref="StorageSettings"/> and <see cref="TimeProvider"/> registered (AddInfrastructure).
    /// </summary>
    public static IServiceCollection AddApplying(this IServiceCollection services)
    {
        services.AddSingleton<IRouterLease>(provider => provider.GetRequiredService<StorageSettings>() is { IsConfigured: true } storage
            ? new BlobRouterLease(
                BlobServiceClientFactory.Create(storage)!.GetBlobContainerClient(storage.LeaseContainer),
                BlobRouterLease.DefaultDuration,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<BlobRouterLease>>())
            : new InProcessRouterLease());
        services.AddOperationalMetrics();
        services.AddSingleton<IReconcileMetrics>(provider => provider.GetRequiredService<RouterMetrics>());
        services.AddSingleton<IReconcileStoreFactory, EfReconcileStoreFactory>();
        return services;
    }
}
