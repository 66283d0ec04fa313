namespace NatFunctions.Core.Routers;

/// <summary>Outcome of a read-only probe. <paramref name="Detail"/> is for logs only, never for anonymous callers.</summary>
public sealed record RouterProbeResult(RouterProbeStatus Status, string? Detail = null)
{
    /// <summary>
    /// The probe every transport runs: read the configuration as a sync would (version check included), so a router
    /// that answers but cannot be synced is not reported healthy.
    /// </summary>
    public static async Task<RouterProbeResult> ByReadingConfigurationAsync(IRouterClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.ReadConfigurationCommandsAsync(cancellationToken).ConfigureAwait(false);
            return new RouterProbeResult(RouterProbeStatus.Ok);
        }
        catch (RouterAccessException exception)
        {
            return From(exception);
        }
    }

    /// <summary>A probe that could not read the router, whatever its transport: the status its failure maps to.</summary>
    public static RouterProbeResult From(RouterAccessException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.Failure switch
        {
            RouterAccessFailure.UntrustedHostKey => RouterProbeStatus.UntrustedHostKey,
            RouterAccessFailure.Unreachable => RouterProbeStatus.Unreachable,
            RouterAccessFailure.RouterMisconfigured => RouterProbeStatus.RouterMisconfigured,
            _ => RouterProbeStatus.Error,
        };
        return new RouterProbeResult(status, exception.Message);
    }
}
