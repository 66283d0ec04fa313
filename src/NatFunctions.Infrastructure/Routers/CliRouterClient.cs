using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// A router reached through its VyOS CLI. The ssh and simulated transports differ only in how a shell is opened
/// (<see cref="IRouterChannelOpener"/>); the protocol and every parsing rule are shared. Each new connection starts
/// with <c>show version</c>: a router running another VyOS line than its <c>VyosVersion</c> setting would refuse or
/// misread the paths the product writes, so nothing is read or sent to it (router_misconfigured, decision 0020).
/// </summary>
internal sealed class CliRouterClient(RouterSettings settings, IRouterChannelOpener opener, TimeProvider timeProvider) : IRouterClient, IDisposable
{
    private readonly Lock versionLock = new();
    private object? versionConnection;
    private RunningVyosVersion? connectionVersion;

    public string RouterName => settings.Name;

    public RouterSettings Settings => settings;

    public Task<RouterProbeResult> ProbeAsync(CancellationToken cancellationToken) =>
        RouterProbeResult.ByReadingConfigurationAsync(this, cancellationToken);

    public async Task<string> ReadConfigurationCommandsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var channel = await opener.OpenAsync(cancellationToken).ConfigureAwait(false);
            var cli = new VyosCliConversation(channel, settings.CommandTimeout, timeProvider);
            var mismatch = await CheckVersionAsync(channel, cli, cancellationToken).ConfigureAwait(false);
            if (mismatch is not null)
            {
                await cli.SendWithoutReplyAsync("exit", cancellationToken).ConfigureAwait(false);
                throw new RouterAccessException(settings.Name, RouterAccessFailure.RouterMisconfigured, mismatch);
            }

            var configuration = await ReadConfigurationAsync(cli, cancellationToken).ConfigureAwait(false);
            await cli.SendWithoutReplyAsync("exit", cancellationToken).ConfigureAwait(false);
            return configuration;
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

    public async Task<RouterSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var channel = await opener.OpenAsync(cancellationToken).ConfigureAwait(false);
            var cli = new VyosCliConversation(channel, settings.CommandTimeout, timeProvider);
            await VyosConfigureSession.EnterOperationalModeAsync(cli, cancellationToken).ConfigureAwait(false);
            var version = await ReadVersionAsync(cli, cancellationToken).ConfigureAwait(false);
            Remember(channel.Connection, version);
            var configuration = await ReadConfigurationAsync(cli, cancellationToken).ConfigureAwait(false);
            await cli.SendWithoutReplyAsync("exit", cancellationToken).ConfigureAwait(false);
            return new RouterSnapshot(version, configuration);
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
            channel = await opener.OpenAsync(cancellationToken, RouterChannelUse.Configure).ConfigureAwait(false);
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
            string? mismatch;
            try
            {
                mismatch = await CheckVersionAsync(channel, cli, cancellationToken).ConfigureAwait(false);
            }
            catch (RouterChannelException exception)
            {
                return new RouterSessionResult(RouterSessionOutcome.TransportFailure, exception.Message, null, cli.Transcript);
            }

            if (mismatch is not null)
            {
                try
                {
                    await cli.SendWithoutReplyAsync("exit", cancellationToken).ConfigureAwait(false);
                }
                catch (RouterChannelException)
                {
                    // Nothing was entered; the shell ends with the channel either way.
                }

                return new RouterSessionResult(RouterSessionOutcome.RouterMisconfigured, mismatch, null, cli.Transcript);
            }

            return await new VyosConfigureSession(cli, settings.VyosVersion, settings.PipelineWindow).ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => opener.Dispose();

    /// <summary>
    /// Logs in and, on a connection not seen before, reads <c>show version</c>. Null when the router may be used; the
    /// router-level message otherwise. An unknown version is no mismatch (decision 0020): the preflight warns instead.
    /// </summary>
    private async Task<string?> CheckVersionAsync(IRouterTextChannel channel, VyosCliConversation cli, CancellationToken cancellationToken)
    {
        await VyosConfigureSession.EnterOperationalModeAsync(cli, cancellationToken).ConfigureAwait(false);
        var running = KnownVersion(channel.Connection);
        if (running is null)
        {
            running = await ReadVersionAsync(cli, cancellationToken).ConfigureAwait(false);
            Remember(channel.Connection, running);
        }

        return running.Contradicts(settings.VyosVersion) ? running.MismatchMessage(settings.Name, settings.VyosVersion) : null;
    }

    /// <summary>
    /// <c>show version</c>, kept out of the transcript except for the version itself: the rest names the hardware's
    /// serial number and UUID, which the audit log has no use for.
    /// </summary>
    private static async Task<RunningVyosVersion> ReadVersionAsync(VyosCliConversation cli, CancellationToken cancellationToken)
    {
        RunningVyosVersion? version = null;
        await cli.RunUnrecordedAsync(
            "show version",
            reply =>
            {
                version = RunningVyosVersion.Parse(reply.Prompt == VyosPromptKind.Operational ? reply.Output : null);
                return version.Description;
            },
            cancellationToken).ConfigureAwait(false);
        return version!;
    }

    private async Task<string> ReadConfigurationAsync(VyosCliConversation cli, CancellationToken cancellationToken)
    {
        // Unrecorded so that a connection lost halfway cannot put part of the configuration into an error message.
        var reply = await cli.RunUnrecordedAsync("show configuration commands", VyosConfigureSession.DescribeConfiguration, cancellationToken)
            .ConfigureAwait(false);
        if (reply.Prompt != VyosPromptKind.Operational || VyosOutputClassifier.IsCommandError(reply.Output))
        {
            await cli.SendWithoutReplyAsync("exit", cancellationToken).ConfigureAwait(false);

            // Whatever came back may be (part of) the configuration: say what kind of answer it was, not what it said.
            throw new RouterAccessException(
                settings.Name,
                RouterAccessFailure.UnexpectedOutput,
                $"'show configuration commands' failed (ended at the {reply.Prompt.ToString().ToLowerInvariant()} prompt; {VyosConfigureSession.DescribeConfiguration(reply)})");
        }

        return reply.Message;
    }

    private RunningVyosVersion? KnownVersion(object connection)
    {
        lock (versionLock)
        {
            return ReferenceEquals(versionConnection, connection) ? connectionVersion : null;
        }
    }

    private void Remember(object connection, RunningVyosVersion version)
    {
        lock (versionLock)
        {
            versionConnection = connection;
            connectionVersion = version;
        }
    }
}
