using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Metrics;

/// <summary>
/// Gauges whose truth is the database (pool capacity and free, changes pending per router). They are read when
/// someone looks: before each Prometheus scrape, and on <see cref="InventoryRefreshService"/>'s period for
/// OpenTelemetry, whose gauge callbacks are synchronous and so report the last snapshot.
/// </summary>
public sealed class InventoryMetrics
{
    private readonly IServiceScopeFactory scopes;
    private readonly Prometheus.Gauge capacity;
    private readonly Prometheus.Gauge free;
    private readonly Prometheus.Gauge pending;
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private InventorySnapshot latest = InventorySnapshot.Empty;

    public InventoryMetrics(MetricSinks sinks, IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        this.scopes = scopes;
        capacity = sinks.Factory.CreateGauge(MetricNames.PoolCapacity, "Addresses (kind ip) or ports (kind port) in the pool's range.", ["router", "pool", "kind"]);
        free = sinks.Factory.CreateGauge(MetricNames.PoolFree, "Addresses or ports of the pool not yet allocated.", ["router", "pool", "kind"]);
        pending = sinks.Factory.CreateGauge(MetricNames.ChangesPending, "Forwards and DHCP mappings written to the database but not yet confirmed on the router.", ["router"]);

        sinks.Meter.CreateObservableGauge(MetricNames.PoolCapacity, () => ObservePools(level => level.Capacity), description: "Pool capacity.");
        sinks.Meter.CreateObservableGauge(MetricNames.PoolFree, () => ObservePools(level => level.Free), description: "Free entries of the pool.");
        sinks.Meter.CreateObservableGauge(MetricNames.ChangesPending, ObservePending, description: "Changes not yet on the router.");
    }

    public InventorySnapshot Latest => Volatile.Read(ref latest);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var reader = new InventoryReader(
                scope.ServiceProvider.GetRequiredService<NatFunctionsDbContext>(),
                scope.ServiceProvider.GetRequiredService<IRouterClientFactory>());
            var snapshot = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            Publish(Latest, snapshot);
            Volatile.Write(ref latest, snapshot);
        }
        finally
        {
            refreshing.Release();
        }
    }

    private void Publish(InventorySnapshot previous, InventorySnapshot current)
    {
        foreach (var gone in previous.Pools.Select(Key).Except(current.Pools.Select(Key)))
        {
            // A deleted pool must disappear, not stay at its last value.
            capacity.RemoveLabelled(gone.Router, gone.Pool, gone.Kind);
            free.RemoveLabelled(gone.Router, gone.Pool, gone.Kind);
        }

        foreach (var level in current.Pools)
        {
            capacity.WithLabels(level.Router, level.Pool, level.Kind).Set(level.Capacity);
            free.WithLabels(level.Router, level.Pool, level.Kind).Set(level.Free);
        }

        foreach (var (router, count) in current.PendingByRouter)
        {
            pending.WithLabels(router).Set(count);
        }
    }

    private static (string Router, string Pool, string Kind) Key(PoolLevel level) => (level.Router, level.Pool, level.Kind);

    private IEnumerable<Measurement<long>> ObservePools(Func<PoolLevel, long> value) =>
        Latest.Pools.Select(level => new Measurement<long>(value(level), new("router", level.Router), new("pool", level.Pool), new("kind", level.Kind)));

    private IEnumerable<Measurement<int>> ObservePending() =>
        Latest.PendingByRouter.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("router", pair.Key)));
}
