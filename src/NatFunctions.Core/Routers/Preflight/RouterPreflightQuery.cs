using NatFunctions.Core.Results;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers.Preflight;

/// <summary>
/// GET /v1/admin/routers/{name}/preflight: one read of the router (<c>show version</c> and the configuration, through
/// <see cref="IRouterClient.ReadSnapshotAsync"/>), judged by <see cref="RouterPreflight"/>. A router that cannot be read
/// gets a report too, with the <c>connection</c> check saying why: the preflight is the first thing run against a new
/// router, when a wrong host, key or fingerprint is the likeliest finding.
/// </summary>
public sealed class RouterPreflightQuery(IRouterClientFactory routers, TimeProvider timeProvider)
{
    /// <summary>A login, two op-mode commands and a whole configuration: more than a status read, less than a commit.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    public async Task<OperationResult<RouterPreflightReport>> RunAsync(string routerName, CancellationToken cancellationToken)
    {
        if (!routers.RouterNames.Contains(routerName, StringComparer.Ordinal))
        {
            return OperationError.NotFound("The router");
        }

        var client = routers.Get(routerName);
        var settings = client.Settings;
        using var timeout = new CancellationTokenSource(ReadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var snapshot = await client.ReadSnapshotAsync(linked.Token);
            var tree = ConfigCommandsParser.Parse(snapshot.ConfigurationCommands);
            return Report(settings, RouterPreflight.Run(settings, snapshot.Version, tree, Now));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Report(settings, [RouterPreflight.ConnectionFailed(settings, RouterAccessFailure.Unreachable, $"the router did not answer within {ReadTimeout.TotalSeconds:0} s")]);
        }
        catch (RouterAccessException exception)
        {
            return Report(settings, [RouterPreflight.ConnectionFailed(settings, exception.Failure, exception.Message)]);
        }
        catch (ConfigCommandsFormatException exception)
        {
            return Report(settings, [RouterPreflight.ConnectionFailed(settings, RouterAccessFailure.UnexpectedOutput, "the configuration could not be parsed: " + exception.Message)]);
        }
    }

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    private RouterPreflightReport Report(RouterSettings settings, IReadOnlyList<PreflightCheck> checks) => new(settings.Name, Now, checks);
}
