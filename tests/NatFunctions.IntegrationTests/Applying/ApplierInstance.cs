using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Applying;
using NatFunctions.Infrastructure.Audit;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.Infrastructure.Provisioning;
using NatFunctions.Infrastructure.Routers;
using NatFunctions.Infrastructure.Storage;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// One app instance as far as applying goes: its own container, router clients, applier and lease, wired through
/// <c>AddCore</c> and <c>AddApplying</c> as the app wires it. Several instances on one database and router act as several workers.
/// </summary>
public sealed class ApplierInstance : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly RouterClientFactory routerFactory;

    public ApplierInstance(RouterSettings router, DatabaseSettings database, IReadOnlyDictionary<string, string?> settings)
        : this(router, database, settings, opener => opener)
    {
    }

    /// <param name="wrapOpener">Wraps the router's real shell opener, e.g. in a <see cref="CountingOpener"/>.</param>
    internal ApplierInstance(
        RouterSettings router, DatabaseSettings database, IReadOnlyDictionary<string, string?> settings, Func<IRouterChannelOpener, IRouterChannelOpener> wrapOpener)
    {
        ArgumentNullException.ThrowIfNull(router);
        routerFactory = new RouterClientFactory([router], NullLoggerFactory.Instance, TimeProvider.System, wrapOpener);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(StorageSettings.FromConfiguration(configuration))
            .AddSingleton<IRouterClientFactory>(routerFactory)
            .AddDbContext<NatFunctionsDbContext>(options => options.UseConfiguredDatabase(database))
            .AddApplying()
            // Core's use cases and reconciler as the app registers them, so tests can write through them per instance.
            .AddCore(configuration)
            .AddScoped<IProvisioningStore, EfProvisioningStore>()
            .AddAuditAndIdempotencyStores()
            .BuildServiceProvider();
        RouterName = router.Name;
    }

    public string RouterName { get; }

    public IRouterApplier Applier => provider.GetRequiredService<IRouterApplier>();

    public IRouterSync Sync => provider.GetRequiredService<IRouterSync>();

    /// <summary>One session of its own under the lease, for tests that race sessions on the lease.</summary>
    public RouterReconciler Reconciler => provider.GetRequiredService<RouterReconciler>();

    public IRouterReservationSource Reservations => provider.GetRequiredService<IRouterReservationSource>();

    public IRouterClient Client => routerFactory.Get(RouterName);

    /// <summary>A request scope of this instance, for the use cases (provision, decommission, router views) as the API runs them.</summary>
    public AsyncServiceScope CreateScope() => provider.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        routerFactory.Dispose();
    }
}
