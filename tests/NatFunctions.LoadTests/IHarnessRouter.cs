namespace NatFunctions.LoadTests;

/// <summary>
/// The router the harness provisions against, on one transport: <see cref="SshRouterServer"/> (sshd + the simulator
/// as login shell) or <see cref="HttpApiRouterServer"/> (the simulator's HTTPS API), both with the
/// <see cref="RouterCostModel"/> applied by the simulator and its round trip by a relay, and every command logged.
/// </summary>
internal interface IHarnessRouter : IAsyncDisposable
{
    RouterCostModel Model { get; }

    /// <summary>One line for the output: transport, ports, relay, version, model.</summary>
    string Description { get; }

    /// <summary>The router as the worker's settings describe it (host key or certificate pinned).</summary>
    IReadOnlyDictionary<string, string> RouterEnvironment(string name);

    /// <summary>A new, empty router for the next sessions (the settings may change: read them after this).</summary>
    Task ResetRouterAsync(CancellationToken cancellationToken);

    /// <summary>Where the current router's command log ends now: pass it to <see cref="ReadWorkSinceAsync"/> later.</summary>
    long CommandLogLength();

    /// <summary>What the current router ran since <paramref name="offset"/> (from <see cref="CommandLogLength"/>).</summary>
    Task<RouterWork> ReadWorkSinceAsync(long offset, CancellationToken cancellationToken);
}
