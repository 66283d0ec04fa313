using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Applying;

/// <summary>
/// The latest reservations seen on each router. Every reconcile read refreshes it; a router never read yet is read
/// on first use, once for all callers (single flight: N provisions on a cold cache cost one read), and a read that
/// failed is remembered for <see cref="ApplySettings.ReadFailureCache"/>, so a router that is down costs one connect
/// timeout per window, not one per caller.
/// </summary>
public sealed partial class RouterReservationCache(
    IRouterClientFactory routers, ApplySettings applySettings, TimeProvider timeProvider, ILogger<RouterReservationCache> logger)
    : IRouterReservationSource
{
    private readonly ConcurrentDictionary<string, RouterReservations> latest = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();
    private readonly Dictionary<string, Task<RouterReservations>> reading = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset> failedUntil = new(StringComparer.OrdinalIgnoreCase);

    public void Observe(RouterSettings settings, ConfigTree configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        latest[settings.Name] = RouterReservationReader.Read(configuration, settings, timeProvider.GetUtcNow().UtcDateTime);
        lock (gate)
        {
            failedUntil.Remove(settings.Name);
        }
    }

    public Task<RouterReservations> GetAsync(string router, CancellationToken cancellationToken)
    {
        if (latest.TryGetValue(router, out var known)) return Task.FromResult(known);
        Task<RouterReservations> read;
        lock (gate)
        {
            if (latest.TryGetValue(router, out known)) return Task.FromResult(known);
            if (failedUntil.TryGetValue(router, out var until) && timeProvider.GetUtcNow() < until) return Task.FromResult(RouterReservations.None);
            if (!reading.TryGetValue(router, out read!))
            {
                // Not on the first caller's token: the read serves every caller, and each caller can stop waiting on its own.
                read = Task.Run(() => ReadOnceAsync(router), CancellationToken.None);
                reading[router] = read;
            }
        }

        return read.WaitAsync(cancellationToken);
    }

    private async Task<RouterReservations> ReadOnceAsync(string router)
    {
        try
        {
            var client = routers.Get(router);
            var text = await client.ReadConfigurationCommandsAsync(CancellationToken.None).ConfigureAwait(false);
            Observe(client.Settings, ConfigCommandsParser.Parse(text));
            return latest[router];
        }
        catch (Exception exception) when (exception is RouterAccessException or ConfigCommandsFormatException)
        {
            LogReadFailed(logger, exception, router, applySettings.ReadFailureCache.TotalSeconds);
            lock (gate)
            {
                failedUntil[router] = timeProvider.GetUtcNow() + applySettings.ReadFailureCache;
            }

            return RouterReservations.None;
        }
        finally
        {
            lock (gate)
            {
                reading.Remove(router);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read router {Router} for its reservations; callers get none for {Seconds} s")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string router, double seconds);
}
