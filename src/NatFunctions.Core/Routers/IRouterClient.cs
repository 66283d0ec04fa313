namespace NatFunctions.Core.Routers;

/// <summary>
/// One configured router, reached through whatever transport its settings name (ssh, http-api, simulated).
/// Everything the product does to a router goes through this port; Infrastructure implements it.
/// Callers serialise changes per router (single flight); reads may run beside them.
/// </summary>
public interface IRouterClient
{
    string RouterName { get; }

    RouterSettings Settings { get; }

    /// <summary>Connects and runs a read-only command, for health checks.</summary>
    Task<RouterProbeResult> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>The active configuration as <c>show configuration commands</c> prints it (op mode, raw text).</summary>
    /// <exception cref="RouterAccessException">
    /// The router could not be read, or (<see cref="RouterAccessFailure.RouterMisconfigured"/>) it runs another VyOS line
    /// than its <c>VyosVersion</c> setting: <c>show version</c> is read once per connection, before anything else.
    /// </exception>
    Task<string> ReadConfigurationCommandsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <c>show version</c> and <c>show configuration commands</c> in one session, without judging the version: the
    /// preflight reports a wrong setting instead of refusing to read.
    /// </summary>
    /// <exception cref="RouterAccessException">The router could not be read.</exception>
    Task<RouterSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One configure session. Over the CLI (ssh, simulated): every command, <c>compare</c>, <c>commit</c> (or
    /// <c>commit-confirm</c> → read back → <c>confirm</c>), <c>save</c>, <c>exit</c>; <c>exit discard</c> after any
    /// error before the commit. Over http-api: one <c>/configure</c> with every command, a read-back, then
    /// <c>/config-file</c> <c>save</c> (decision 0025; no commit-confirm). Never throws for router or transport
    /// errors: they come back as the result's outcome. A router whose VyOS line differs from the setting gets nothing:
    /// <see cref="RouterSessionOutcome.RouterMisconfigured"/>.
    /// </summary>
    Task<RouterSessionResult> ApplyAsync(RouterChangeRequest request, CancellationToken cancellationToken);
}
