using NatFunctions.Core.Routers;

namespace NatFunctions.LoadTests;

/// <summary>
/// The harness's router: the shared <see cref="SimulatedVyosSshServer"/> (real sshd, the simulator as login shell)
/// with the <see cref="RouterCostModel"/>'s commit and command delays, its round trip through the delaying relay, and
/// every session's commands logged (<see cref="ReadWorkSinceAsync"/>). Needs root (sshd, a throwaway user).
/// <see cref="ResetRouterAsync"/> gives the next logins a fresh, empty router.
/// </summary>
internal sealed class SshRouterServer : IHarnessRouter
{
    private readonly SimulatedVyosSshServer server;

    private SshRouterServer(RouterCostModel model, SimulatedVyosSshServer server)
    {
        Model = model;
        this.server = server;
    }

    public RouterCostModel Model { get; }

    /// <summary>The port clients use: the relay's when the model has a round trip, else sshd's.</summary>
    public int Port => server.Port;

    public int SshdPort => server.SshdPort;

    public string Description => Port == SshdPort
        ? $"router: sshd 127.0.0.1:{SshdPort}, simulator VyOS 1.4, {Model}"
        : $"router: sshd 127.0.0.1:{SshdPort} behind the delaying relay 127.0.0.1:{Port}, simulator VyOS 1.4, {Model}";

    public static async Task<SshRouterServer> StartAsync(RouterCostModel model, CancellationToken cancellationToken)
    {
        // Bursts open many connections and channels at once: more than sshd's defaults admit.
        var server = new SimulatedVyosSshServer
        {
            MaxSessions = 50,
            MaxStartups = 100,
            NetworkRoundTrip = TimeSpan.FromMilliseconds(model.RttMs),
        };
        try
        {
            await server.InitializeAsync();
            var router = new SshRouterServer(model, server);
            await router.ResetRouterAsync(cancellationToken);
            return router;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The router as the worker's settings describe it (host key pinned).</summary>
    public IReadOnlyDictionary<string, string> RouterEnvironment(string name) => server.RouterEnvironment(name);

    public RouterSettings RouterSettings(string name) => server.RouterSettings(name);

    /// <summary>A new, empty router state for the next logins.</summary>
    public Task ResetRouterAsync(CancellationToken cancellationToken) => server.StartRouterAsync(
        "1.4",
        extraArguments: FormattableString.Invariant($"--commit-delay-ms {Model.CommitDelayMs} --command-delay-ms {Model.CommandDelayMs}"),
        logCommands: true,
        cancellationToken: cancellationToken);

    /// <summary>Where the current router's command log ends now: pass it to <see cref="ReadWorkSinceAsync"/> later.</summary>
    public long CommandLogLength() => server.CommandLogLength();

    /// <summary>What the current router's sessions ran since <paramref name="offset"/> (from <see cref="CommandLogLength"/>).</summary>
    public async Task<RouterWork> ReadWorkSinceAsync(long offset, CancellationToken cancellationToken) =>
        RouterWork.FromLogLines(await server.ReadCommandLogSinceAsync(offset, cancellationToken));

    public ValueTask DisposeAsync() => new(server.DisposeAsync());
}
