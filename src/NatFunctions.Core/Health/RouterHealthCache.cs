using System.Collections.Concurrent;

namespace NatFunctions.Core.Health;

/// <summary>
/// Shares one router probe among every health request of a short window. Health is anonymous, and a probe opens
/// a router session: without this, a burst of health checks (or an attacker) would become a burst of SSH logins.
/// </summary>
public sealed class RouterHealthCache(TimeProvider timeProvider)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public Task<ComponentHealth> GetAsync(string router, Func<CancellationToken, Task<ComponentHealth>> probe)
    {
        var now = timeProvider.GetUtcNow();
        var entry = entries.AddOrUpdate(
            router,
            _ => new Entry(now, probe(CancellationToken.None)),
            (_, existing) => now - existing.StartedAt < Freshness ? existing : new Entry(now, probe(CancellationToken.None)));
        return entry.Result;
    }

    private sealed record Entry(DateTimeOffset StartedAt, Task<ComponentHealth> Result);
}
