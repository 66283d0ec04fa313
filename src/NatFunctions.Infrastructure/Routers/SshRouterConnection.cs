using Microsoft.Extensions.Logging;
using NatFunctions.Core.Routers;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// One SSH connection per router, reused by every session (a VyOS login and key exchange cost more than a shell
/// channel) and re-established when it has dropped. The host key is pinned: SSH.NET trusts any key unless told
/// otherwise, so <see cref="BaseClient.HostKeyReceived"/> compares the SHA-256 fingerprint exactly.
/// </summary>
internal sealed partial class SshRouterConnection(RouterSettings settings, ILogger logger) : IRouterChannelOpener
{
    private const string TerminalType = "vt100";
    private const uint TerminalColumns = 512;
    private const uint TerminalRows = 24;
    private const int ShellBufferSize = 64 * 1024;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly AuthenticationMethod[] authenticationMethods = SshCredentials.Create(settings);
    private SshClient? client;
    private volatile SshClient? abandoned;

    public async Task<IRouterTextChannel> OpenAsync(CancellationToken cancellationToken)
    {
        var connected = await GetConnectedClientAsync(forceReconnect: false, cancellationToken).ConfigureAwait(false);
        try
        {
            return new ShellStreamChannel(CreateShell(connected), connected, () => Abandon(connected));
        }
        catch (Exception exception) when (exception is SshException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The server may have closed an idle connection without SSH.NET noticing yet: one fresh attempt.
            LogReconnecting(logger, settings.Name, exception.Message);
            connected = await GetConnectedClientAsync(forceReconnect: true, cancellationToken).ConfigureAwait(false);
            try
            {
                return new ShellStreamChannel(CreateShell(connected), connected, () => Abandon(connected));
            }
            catch (Exception retryException) when (retryException is SshException or ObjectDisposedException or InvalidOperationException or IOException)
            {
                throw new RouterChannelException($"could not open a shell on {settings.Host}:{settings.Port}: {retryException.Message}", retryException);
            }
        }
    }

    public void Dispose()
    {
        gate.Wait(CancellationToken.None);
        try
        {
            DisposeClient();
        }
        finally
        {
            gate.Release();
        }

        gate.Dispose();
    }

    private static ShellStream CreateShell(SshClient connected) =>
        connected.CreateShellStream(TerminalType, TerminalColumns, TerminalRows, 0, 0, ShellBufferSize);

    private async Task<SshClient> GetConnectedClientAsync(bool forceReconnect, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (client is { IsConnected: true } && !forceReconnect && !ReferenceEquals(client, abandoned))
            {
                return client;
            }

            DisposeClient();
            client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SshClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var connectionInfo = new ConnectionInfo(settings.Host!, settings.Port, settings.Username!, authenticationMethods)
        {
            Timeout = settings.ConnectTimeout,
        };
        var candidate = new SshClient(connectionInfo);
        string? rejectedFingerprint = null;
        candidate.HostKeyReceived += (_, e) =>
        {
            e.CanTrust = string.Equals(e.FingerPrintSHA256, settings.HostKeySha256, StringComparison.Ordinal);
            if (!e.CanTrust)
            {
                rejectedFingerprint = e.FingerPrintSHA256;
            }
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.ConnectTimeout);
        try
        {
            await candidate.ConnectAsync(timeout.Token).ConfigureAwait(false);
            LogConnected(logger, settings.Name, settings.Host!, settings.Port);
            return candidate;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            candidate.Dispose();
            if (rejectedFingerprint is not null)
            {
                LogHostKeyRejected(logger, settings.Name, rejectedFingerprint);
                throw new HostKeyRejectedException(rejectedFingerprint);
            }

            var reason = exception is OperationCanceledException ? $"timed out after {settings.ConnectTimeoutSeconds} s" : exception.Message;
            throw new RouterChannelException($"could not connect to {settings.Host}:{settings.Port} as {settings.Username}: {reason}", exception);
        }
    }

    private void Abandon(SshClient wedged)
    {
        abandoned = wedged;
        LogAbandoned(logger, settings.Name);
    }

    private void DisposeClient()
    {
        if (client is null)
        {
            return;
        }

        if (ReferenceEquals(client, abandoned))
        {
            // Its message thread is stuck inside SSH.NET; disconnecting would wait on it forever. Let it go.
            client = null;
            return;
        }

        try
        {
            client.Disconnect();
        }
        catch (Exception exception) when (exception is SshException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // Already broken; disposing is all that is left.
        }

        client.Dispose();
        client = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Router {Router}: SSH connected to {Host}:{Port}")]
    private static partial void LogConnected(ILogger logger, string router, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Router {Router}: opening a shell failed ({Reason}); reconnecting")]
    private static partial void LogReconnecting(ILogger logger, string router, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Router {Router}: closing a shell wedged the SSH connection; the next session reconnects")]
    private static partial void LogAbandoned(ILogger logger, string router);

    [LoggerMessage(Level = LogLevel.Error, Message = "Router {Router}: host key SHA256:{Presented} does not match the pinned fingerprint; refused")]
    private static partial void LogHostKeyRejected(ILogger logger, string router, string presented);
}
