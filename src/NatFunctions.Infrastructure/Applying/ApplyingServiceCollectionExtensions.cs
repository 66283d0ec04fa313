using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Provisioning;
using NatFunctions.Infrastructure.Leases;
using NatFunctions.Infrastructure.Metrics;
using NatFunctions.Infrastructure.Storage;

namespace NatFunctions.Infrastructure.Applying;

public static class ApplyingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the applier (<see cref="IRouterApplier"/>), the sync (<see cref="IRouterSync"/>), the reservation
    /// snapshot (<see cref="IRouterReservationSource"/>), <see cref="ApplySettings"/> and the router lease: an Azure Blob
    /// lease when <c>Storage:ConnectionString</c> or <c>Storage:BlobServiceUri</c> is set, in process otherwise, and the
    /// metrics the applier records.
    /// Needs the database, the routers, <see cref="StorageSettings"/> and <see cref="TimeProvider"/> registered (AddInfrastructure).
    /// </summary>
    public static IServiceCollection AddApplying(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = ApplySettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(new WriteWaitSettings(settings.Wait));
        services.AddSingleton<IRouterLease>(provider => provider.GetRequiredService<StorageSettings>() is { IsConfigured: true } storage
            ? new BlobRouterLease(
                BlobServiceClientFactory.Create(storage)!.GetBlobContainerClient(storage.LeaseContainer),
                BlobRouterLease.DefaultDuration,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<BlobRouterLease>>())
            : new InProcessRouterLease());
        services.AddSingleton<RouterReservationCache>();
        services.AddSingleton<IRouterReservationSource>(provider => provider.GetRequiredService<RouterReservationCache>());
        services.AddOperationalMetrics();
        services.AddSingleton<RouterReconciler>();
        services.AddSingleton<GroupCommitApplier>();
        services.AddSingleton<IRouterApplier>(provider => provider.GetRequiredService<GroupCommitApplier>());
        services.AddSingleton<IRouterSync>(provider => provider.GetRequiredService<GroupCommitApplier>());
        return services;
    }
}
