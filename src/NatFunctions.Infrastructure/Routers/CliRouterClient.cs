using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// A router reached through its VyOS CLI. The ssh and simulated transports differ only in how a shell is opened
/// (<see cref="IRouterChannelOpener"/>); the protocol and every parsing rule are shared.
/// </summary>
internal sealed class CliRouterClient(RouterSettings settings, IRouterChannelOpener opener, TimeProvider timeProvider) : IRouterClient, IDisposable
{
    public string RouterName => settings.Name;

    public RouterSettings Settings => settings;

    public async Task<RouterProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReadConfigurationCommandsAsync(cancellationToken).ConfigureAwait(false);
            return new RouterProbeResult(RouterProbeStatus.Ok);
        }
        catch (RouterAccessException exception)
        {
            var status = exception.Failure switch
            {
                RouterAccessFailure.UntrustedHostKey => RouterProbeStatus.UntrustedHostKey,
                RouterAccessFailure.Unreachable => RouterProbeStatus.Unreachable,
                _ => RouterProbeStatus.Error,
            };
            return new RouterProbeResult(status, exception.Message);
        }
    }

    public async Task<string> ReadConfigurationCommandsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var channel = await opener.OpenAsync(cancellationToken).ConfigureAwait(false);
            var cli = new VyosCliConversation(channel, settings.CommandTimeout, timeProvider);
            await VyosConfigureSession.EnterOperationalModeAsync(cli, cancellationToken).ConfigureAwait(false);
            // Unrecorded so that a connection lost halfway cannot put part of the configuration into an error message.
            var reply = await cli.RunUnrecordedAsync("show configuration commands", VyosConfigureSession.DescribeConfiguration, cancellationToken)
                .ConfigureAwait(false);
            await cli.SendWithoutReplyAsync("exit", cancellationToken).ConfigureAwait(false);
            if (reply.Prompt != VyosPromptKind.Operational || VyosOutputClassifier.IsCommandError(reply.Output))
            {
                // Whatever came back may be (part of) the configuration: say what kind of answer it was, not what it said.
                throw new RouterAccessException(
                    settings.Name,
                    RouterAccessFailure.UnexpectedOutput,
                    $"'show configuration commands' failed (ended at the {reply.Prompt.ToString().ToLowerInvariant()} prompt; {VyosConfigureSession.DescribeConfiguration(reply)})");
            }

            return reply.Message;
        }
        catch (HostKeyRejectedException exception)
        {
            throw new RouterAccessException(settings.Name, RouterAccessFailure.UntrustedHostKey, exception.Message, exception);
        }
        catch (RouterChannelException exception)
        {
            throw new RouterAccessException(settings.Name, RouterAccessFailure.Unreachable, exception.Message, exception);
        }
    }

    public async Task<RouterSessionResult> ApplyAsync(RouterChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IRouterTextChannel channel;
        try
        {
            channel = await opener.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HostKeyRejectedException exception)
        {
            return new RouterSessionResult(RouterSessionOutcome.UntrustedHostKey, exception.Message, null, string.Empty);
        }
        catch (RouterChannelException exception)
        {
            return new RouterSessionResult(RouterSessionOutcome.TransportFailure, exception.Message, null, string.Empty);
        }

        await using (channel.ConfigureAwait(false))
        {
            var cli = new VyosCliConversation(channel, settings.CommandTimeout, timeProvider) { CommitTimeout = settings.CommitTimeout };
            return await new VyosConfigureSession(cli, settings.VyosVersion).ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => opener.Dispose();
}
