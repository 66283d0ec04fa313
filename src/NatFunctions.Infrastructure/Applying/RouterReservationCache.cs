using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Infrastructure.Applying;

/// <summary>
/// The latest reservations seen on each router. Every reconcile read refreshes it; a router never read yet is read
/// on first use.
/// </summary>
public sealed class RouterReservationCache(IRouterClientFactory routers, TimeProvider timeProvider, ILogger<RouterReservationCache> logger)
    : IRouterReservationSource
{
    private readonly ConcurrentDictionary<string, RouterReservations> latest = new(StringComparer.OrdinalIgnoreCase);

    public void Observe(RouterSettings settings, ConfigTree configuration) =>
        latest[settings.Name] = RouterReservationReader.Read(configuration, settings, timeProvider.GetUtcNow().UtcDateTime);

    public async Task<RouterReservations> GetAsync(string router, CancellationToken cancellationToken)
    {
        if (latest.TryGetValue(router, out var known)) return known;

        var client = routers.Get(router);
        try
        {
            var text = await client.ReadConfigurationCommandsAsync(cancellationToken).ConfigureAwait(false);
            Observe(client.Settings, ConfigCommandsParser.Parse(text));
            return latest[router];
        }
        catch (Exception exception) when (exception is RouterAccessException or ConfigCommandsFormatException)
        {
            logger.LogWarning(exception, "Could not read router {Router} for its reservations", router);
            return RouterReservations.None;
        }
    }
}
