namespace NatFunctions.Core.Routers;

/// <summary>
/// One configured router, reached through whatever transport its settings name (ssh, http-api, simulated).
/// Everything the product does to a router goes through this port; Infrastructure implements it.
/// </summary>
public interface IRouterClient
{
    string RouterName { get; }

    /// <summary>Connects and runs a read-only command, for health checks.</summary>
    Task<RouterProbeResult> ProbeAsync(CancellationToken cancellationToken);
}
