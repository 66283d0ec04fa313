using Microsoft.Extensions.Logging;
using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// One client per configured router for the life of the app, so each SSH router keeps one reused connection.
/// </summary>
public sealed class RouterClientFactory : IRouterClientFactory, IDisposable
{
    private readonly Dictionary<string, CliRouterClient> clients;

    public RouterClientFactory(IReadOnlyList<RouterSettings> routers, ILoggerFactory loggerFactory, TimeProvider timeProvider)
        : this(routers, loggerFactory, timeProvider, opener => opener)
    {
    }

    /// <param name="wrapOpener">Wraps each router's shell opener (tests count or hold the opens of the real transport).</param>
    internal RouterClientFactory(
        IReadOnlyList<RouterSettings> routers, ILoggerFactory loggerFactory, TimeProvider timeProvider, Func<IRouterChannelOpener, IRouterChannelOpener> wrapOpener)
    {
        ArgumentNullException.ThrowIfNull(wrapOpener);
        ArgumentNullException.ThrowIfNull(routers);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var unsupported = routers.Where(r => r.Transport == RouterTransport.HttpApi).Select(r => $"Routers:{r.Name}:Transport 'http-api' is not available in this build; use ssh").ToList();
        if (unsupported.Count > 0)
        {
            throw new RouterSettingsException(unsupported);
        }

        var logger = loggerFactory.CreateLogger<RouterClientFactory>();
        clients = new Dictionary<string, CliRouterClient>(StringComparer.OrdinalIgnoreCase);
        foreach (var router in routers)
        {
            IRouterChannelOpener opener = router.Transport == RouterTransport.Ssh
                ? new SshRouterConnection(router, logger)
                : new SimulatorProcessOpener(router);
            clients.Add(router.Name, new CliRouterClient(router, wrapOpener(opener), timeProvider));
        }

        RouterNames = routers.Select(r => r.Name).ToArray();
    }

    public IReadOnlyList<string> RouterNames { get; }

    public IRouterClient Get(string routerName) =>
        clients.TryGetValue(routerName, out var client)
            ? client
            : throw new KeyNotFoundException($"No router named '{routerName}' is configured (configured: {string.Join(", ", RouterNames)}).");

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }
}
