using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers.Views;

/// <summary>
/// Reads a router's running configuration within <see cref="ReadTimeout"/>. The read doubles as the reachability
/// probe of the router views: one session answers both "can we reach it" and "what is on it".
/// </summary>
public sealed class RouterConfigurationReader(TimeProvider timeProvider)
{
    /// <summary>Long enough for a slow SSH login plus <c>show configuration commands</c>; short enough for a status page.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);

    public async Task<LiveRouterConfiguration> ReadAsync(IRouterClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var timeout = new CancellationTokenSource(ReadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var text = await client.ReadConfigurationCommandsAsync(linked.Token);
            return new LiveRouterConfiguration(RouterReachability.Ok, ConfigCommandsParser.Parse(text), Now);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(RouterReachability.Unreachable);
        }
        catch (RouterAccessException exception)
        {
            return Failed(exception.Failure switch
            {
                RouterAccessFailure.Unreachable => RouterReachability.Unreachable,
                RouterAccessFailure.UntrustedHostKey => RouterReachability.UntrustedHostKey,
                RouterAccessFailure.RouterMisconfigured => RouterReachability.RouterMisconfigured,
                _ => RouterReachability.Error,
            });
        }
        catch (ConfigCommandsFormatException)
        {
            return Failed(RouterReachability.Error);
        }
    }

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    private LiveRouterConfiguration Failed(RouterReachability reachability) => new(reachability, null, Now);
}
