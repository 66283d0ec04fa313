using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Health;

/// <summary>Runs every check at once, each bounded, so one hung router cannot stall the health endpoint.</summary>
public sealed class HealthChecker(
    IDatabaseHealthProbe database,
    IStorageHealthProbe storage,
    IRouterClientFactory routers,
    RouterHealthCache routerHealthCache,
    TimeProvider timeProvider)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var databaseTask = Bounded(database.CheckAsync, cancellationToken);
        var storageTask = Bounded(storage.CheckAsync, cancellationToken);
        var routerTasks = routers.RouterNames.ToDictionary(
            name => name,
            name => routerHealthCache.GetAsync(name, ct => Bounded(async probeToken => ToHealth(await routers.Get(name).ProbeAsync(probeToken)), ct)));

        await Task.WhenAll(routerTasks.Values.Append(databaseTask).Append(storageTask));
        return new HealthReport(
            await databaseTask,
            await storageTask,
            routerTasks.ToDictionary(pair => pair.Key, pair => pair.Value.Result));
    }

    private static ComponentHealth ToHealth(RouterProbeResult result) => result.Status switch
    {
        RouterProbeStatus.Ok => ComponentHealth.Ok,
        RouterProbeStatus.Unreachable => ComponentHealth.Unreachable,
        RouterProbeStatus.UntrustedHostKey => ComponentHealth.UntrustedHostKey,
        RouterProbeStatus.RouterMisconfigured => ComponentHealth.RouterMisconfigured,
        _ => ComponentHealth.Error,
    };

    private async Task<ComponentHealth> Bounded(Func<CancellationToken, Task<ComponentHealth>> check, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(CheckTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await check(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return ComponentHealth.Unreachable;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return ComponentHealth.Error;
        }
    }
}
