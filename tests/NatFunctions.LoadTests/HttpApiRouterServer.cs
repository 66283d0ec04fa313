using System.Globalization;
using NatFunctions.Core.Vyos;

namespace NatFunctions.LoadTests;

/// <summary>
/// The harness's router over VyOS's HTTP API (<c>--transport http-api</c>): the simulator's <c>api</c> process
/// (<see cref="SimulatedVyosApiServer"/>: HTTPS, its generated certificate pinned by SHA-256, an API key) with the
/// <see cref="RouterCostModel"/>'s command and commit delays (the simulator pays them per <c>set</c>/<c>delete</c>
/// and per commit of a <c>/configure</c>, as in its shell), its round trip through a <see cref="DelayingTcpRelay"/>
/// in front of the HTTPS port, and every request logged. <see cref="ResetRouterAsync"/> starts a new process on a
/// fresh, empty state (a new port and certificate).
/// </summary>
internal sealed class HttpApiRouterServer : IHarnessRouter
{
    private SimulatedVyosApiServer? server;

    private HttpApiRouterServer(RouterCostModel model) => Model = model;

    public RouterCostModel Model { get; }

    public string Description => Model.RttMs > 0
        ? $"router: simulator HTTP API https://127.0.0.1:{Current.ApiPort} behind the delaying relay 127.0.0.1:{Current.Port}, VyOS 1.4, {Model}"
        : $"router: simulator HTTP API https://127.0.0.1:{Current.ApiPort}, VyOS 1.4, {Model}";

    private SimulatedVyosApiServer Current => server ?? throw new InvalidOperationException("The router is not started.");

    public static async Task<HttpApiRouterServer> StartAsync(RouterCostModel model, CancellationToken cancellationToken)
    {
        var router = new HttpApiRouterServer(model);
        try
        {
            await router.ResetRouterAsync(cancellationToken);
            return router;
        }
        catch
        {
            await router.DisposeAsync();
            throw;
        }
    }

    public IReadOnlyDictionary<string, string> RouterEnvironment(string name) => Current.RouterEnvironment(name);

    public async Task ResetRouterAsync(CancellationToken cancellationToken)
    {
        if (server is not null) await server.DisposeAsync();
        server = null;
        // An empty router but for the API's key, as the SSH router starts empty but for its login.
        server = await SimulatedVyosApiServer.StartAsync(
            new ApiServerOptions
            {
                Version = VyosVersion.V1_4,
                OperatorLan = false,
                ExtraArguments =
                [
                    "--commit-delay-ms", Model.CommitDelayMs.ToString(CultureInfo.InvariantCulture),
                    "--command-delay-ms", Model.CommandDelayMs.ToString(CultureInfo.InvariantCulture),
                ],
                NetworkRoundTrip = TimeSpan.FromMilliseconds(Model.RttMs),
            },
            cancellationToken);
    }

    public long CommandLogLength() => Current.CommandLogLength();

    public async Task<RouterWork> ReadWorkSinceAsync(long offset, CancellationToken cancellationToken) =>
        RouterWork.FromLogLines(await Current.ReadCommandLogSinceAsync(offset, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        server = null;
    }
}
