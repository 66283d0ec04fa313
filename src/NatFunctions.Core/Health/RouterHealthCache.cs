namespace NatFunctions.Core.Health;

/// <summary>
/// Shares one router probe among every health request of a short window, and never runs two probes of one router at
/// once (a probe still running is shared however old it is). Health is anonymous, and a probe opens a router
/// session: without this, a burst of health checks (or an attacker) would become a burst of SSH logins.
/// </summary>
public sealed class RouterHealthCache(TimeProvider timeProvider)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public Task<ComponentHealth> GetAsync(string router, Func<CancellationToken, Task<ComponentHealth>> probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var now = timeProvider.GetUtcNow();
        TaskCompletionSource<ComponentHealth> started;
        lock (gate)
        {
            if (entries.TryGetValue(router, out var existing) && (!existing.Result.IsCompleted || now - existing.StartedAt < Freshness))
            {
                return existing.Result;
            }

            started = new TaskCompletionSource<ComponentHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
            entries[router] = new Entry(now, started.Task);
        }

        // Outside the lock: the probe may do its first router I/O synchronously.
        _ = RunAsync(probe, started);
        return started.Task;
    }

    private static async Task RunAsync(Func<CancellationToken, Task<ComponentHealth>> probe, TaskCompletionSource<ComponentHealth> result)
    {
        try
        {
            result.SetResult(await probe(CancellationToken.None).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            result.SetException(exception);
        }
    }

    private sealed record Entry(DateTimeOffset StartedAt, Task<ComponentHealth> Result);
}
