using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// One client per configured router for the life of the app, so each SSH router keeps one reused connection; http-api
/// routers get <see cref="HttpApiRouterClient"/> on the app's <see cref="IHttpClientFactory"/> (decision 0025).
/// </summary>
public sealed class RouterClientFactory : IRouterClientFactory, IDisposable
{
    private readonly Dictionary<string, IRouterClient> clients;
    private readonly ServiceProvider? ownHttpClients;

    /// <summary>Outside an app's container (tests, tools): http-api routers get a container of their own for their clients.</summary>
    public RouterClientFactory(IReadOnlyList<RouterSettings> routers, ILoggerFactory loggerFactory, TimeProvider timeProvider)
        : this(routers, loggerFactory, timeProvider, opener => opener)
    {
    }

    /// <summary>In the app: http-api routers' clients come from the app's <see cref="IHttpClientFactory"/>, registered by <c>AddRouters</c>.</summary>
    internal RouterClientFactory(
        IReadOnlyList<RouterSettings> routers, ILoggerFactory loggerFactory, TimeProvider timeProvider, IHttpClientFactory httpClients, IReadOnlyDictionary<string, CertificatePin> pins)
        : this(routers, loggerFactory, timeProvider, opener => opener, (httpClients, pins))
    {
    }

    /// <param name="wrapOpener">Wraps each router's shell opener (tests count or hold the opens of the real transport).</param>
    internal RouterClientFactory(
        IReadOnlyList<RouterSettings> routers,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        Func<IRouterChannelOpener, IRouterChannelOpener> wrapOpener,
        (IHttpClientFactory Factory, IReadOnlyDictionary<string, CertificatePin> Pins)? httpClients = null)
    {
        ArgumentNullException.ThrowIfNull(wrapOpener);
        ArgumentNullException.ThrowIfNull(routers);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (httpClients is null && routers.Any(r => r.Transport == RouterTransport.HttpApi))
        {
            var services = new ServiceCollection().AddLogging();
            var pins = RouterHttpClients.Register(services, routers);
            ownHttpClients = services.BuildServiceProvider();
            httpClients = (ownHttpClients.GetRequiredService<IHttpClientFactory>(), pins);
        }

        var logger = loggerFactory.CreateLogger<RouterClientFactory>();
        clients = new Dictionary<string, IRouterClient>(StringComparer.OrdinalIgnoreCase);
        foreach (var router in routers)
        {
            if (router.Transport == RouterTransport.HttpApi)
            {
                var (factory, pins) = httpClients!.Value;
                clients.Add(router.Name, new HttpApiRouterClient(router, factory, pins[router.Name], timeProvider));
                continue;
            }

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
        foreach (var client in clients.Values.OfType<IDisposable>())
        {
            client.Dispose();
        }

        ownHttpClients?.Dispose();
    }
}
