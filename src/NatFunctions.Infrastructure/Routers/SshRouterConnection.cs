using Microsoft.Extensions.Logging;
using NatFunctions.Core.Routers;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// One SSH connection per router, reused by every session (a VyOS login and key exchange cost more than a shell
/// channel) and re-established when it has dropped. The host key is pinned: SSH.NET trusts any key unless told
/// otherwise, so <see cref="BaseClient.HostKeyReceived"/> compares the SHA-256 fingerprint exactly.
/// Shells are budgeted (<see cref="RouterSettings.MaxChannels"/>): reads share all but one channel and wait for a free
/// one at most the connect timeout, so the configure session always finds one. A connection that carries a shell is
/// never disposed under it: a channel the router refuses on a live connection fails alone, and a reconnect retires
/// the old connection, closing it once its last shell has ended. Keep-alives
/// (<see cref="RouterSettings.KeepAliveSeconds"/>) keep the idle connection inside Azure's 4-minute idle timeout.
/// </summary>
internal sealed partial class SshRouterConnection : IRouterChannelOpener
{
    private const string TerminalType = "vt100";
    private const uint TerminalColumns = 512;
    private const uint TerminalRows = 24;
    private const int ShellBufferSize = 64 * 1024;

    /// <summary>
    /// The pty is asked for without echo (RFC 4254 §8, opcode ECHO = 0). With echo on, the kernel echoes a line typed
    /// ahead the moment it arrives, and under load it flushes that echo in pieces between the shell's own writes: a
    /// 468-line batch came back as <c>set n[edit]\n…# at destination rule 10030 …</c>, with a prompt inside an echo, so
    /// prompts could no longer be counted (decision 0023). Without echo the output is only the shell's, in order.
    /// VyOS's vbash reads lines with GNU readline, which then echoes nothing either and prints its prompt itself
    /// (readline.c <c>readline_internal_setup</c>: "If we're not echoing, we still want to at least print a prompt";
    /// rltty.c takes <c>_rl_echoing_p</c> from the terminal's ECHO flag). What we type is written into the session's
    /// transcript by <see cref="VyosCliConversation"/> instead.
    /// </summary>
    private static readonly Dictionary<TerminalModes, uint> NoEcho = new() { [TerminalModes.ECHO] = 0 };

    private readonly RouterSettings settings;
    private readonly ILogger logger;
    private readonly SemaphoreSlim connecting = new(1, 1);
    private readonly Lock state = new();
    private readonly SemaphoreSlim channels;
    private readonly SemaphoreSlim readChannels;
    private readonly AuthenticationMethod[] authenticationMethods;
    private Connection? current;

    public SshRouterConnection(RouterSettings settings, ILogger logger)
    {
        this.settings = settings;
        this.logger = logger;
        authenticationMethods = SshCredentials.Create(settings);
        channels = new SemaphoreSlim(settings.MaxChannels, settings.MaxChannels);
        readChannels = new SemaphoreSlim(settings.MaxChannels - 1, settings.MaxChannels - 1);
    }

    public async Task<IRouterTextChannel> OpenAsync(CancellationToken cancellationToken, RouterChannelUse use = RouterChannelUse.Read)
    {
        var giveBack = await TakeBudgetAsync(use, cancellationToken).ConfigureAwait(false);
        try
        {
            return new BudgetedTextChannel(await OpenShellAsync(cancellationToken).ConfigureAwait(false), giveBack);
        }
        catch
        {
            giveBack();
            throw;
        }
    }

    public void Dispose()
    {
        Connection? last;
        lock (state)
        {
            last = current;
            current = null;
        }

        if (last is not null) Close(last);
        connecting.Dispose();
    }

    private static ShellStream CreateShell(SshClient connected) =>
        connected.CreateShellStream(TerminalType, TerminalColumns, TerminalRows, 0, 0, ShellBufferSize, NoEcho);

    private static bool IsTransportFailure(Exception exception) =>
        exception is SshException or ObjectDisposedException or InvalidOperationException or IOException;

    /// <summary>A place in the channel budget; the returned action gives it back.</summary>
    private async Task<Action> TakeBudgetAsync(RouterChannelUse use, CancellationToken cancellationToken)
    {
        if (use == RouterChannelUse.Configure)
        {
            await channels.WaitAsync(cancellationToken).ConfigureAwait(false);
            return () => channels.Release();
        }

        if (!await readChannels.WaitAsync(settings.ConnectTimeout, cancellationToken).ConfigureAwait(false))
        {
            LogBudgetExhausted(logger, settings.Name, settings.MaxChannels - 1);
            throw new RouterChannelException(
                $"all {settings.MaxChannels - 1} read channels to the router stayed busy for {settings.ConnectTimeoutSeconds} s (Routers:{settings.Name}:MaxChannels is {settings.MaxChannels}; one channel is kept for configure sessions)");
        }

        try
        {
            // Reads hold at most MaxChannels - 1 of these, so this waits only while a second configure session runs.
            await channels.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            readChannels.Release();
            throw;
        }

        return () =>
        {
            channels.Release();
            readChannels.Release();
        };
    }

    private async Task<IRouterTextChannel> OpenShellAsync(CancellationToken cancellationToken)
    {
        var connection = await UseConnectionAsync(replacing: null, cancellationToken).ConfigureAwait(false);
        try
        {
            return Shell(connection);
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            var othersOpen = EndChannel(connection);
            if (othersOpen > 0 && connection.Client.IsConnected && !connection.Abandoned)
            {
                // The connection is up and carries other shells (maybe a commit): the router refused this channel
                // (sshd MaxSessions, or the router is short of resources). Reconnecting would kill those shells.
                LogChannelRefused(logger, settings.Name, othersOpen, exception.Message);
                throw new RouterChannelException(
                    $"the router refused another SSH channel while {othersOpen} were open ({exception.Message}); set Routers:{settings.Name}:MaxChannels at or below the router's sshd MaxSessions",
                    exception);
            }

            // The server may have closed an idle connection without SSH.NET noticing yet: one fresh attempt.
            LogReconnecting(logger, settings.Name, exception.Message);
            connection = await UseConnectionAsync(replacing: connection, cancellationToken).ConfigureAwait(false);
            try
            {
                return Shell(connection);
            }
            catch (Exception retryException) when (IsTransportFailure(retryException))
            {
                EndChannel(connection);
                throw new RouterChannelException($"could not open a shell on {settings.Host}:{settings.Port}: {retryException.Message}", retryException);
            }
        }
    }

    private BudgetedTextChannel Shell(Connection connection) =>
        new(new ShellStreamChannel(CreateShell(connection.Client), connection, () => Abandon(connection)), () => EndChannel(connection));

    /// <summary>
    /// The current connection with one more shell counted on it; connects when there is none, it dropped, it was
    /// abandoned, or it is <paramref name="replacing"/>. A replaced connection is retired, not disposed, while shells
    /// still run on it.
    /// </summary>
    private async Task<Connection> UseConnectionAsync(Connection? replacing, CancellationToken cancellationToken)
    {
        lock (state)
        {
            if (TryCountChannel(current, replacing)) return current!;
        }

        await connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Connection? idleRetired;
            lock (state)
            {
                if (TryCountChannel(current, replacing)) return current!;
                idleRetired = current;
                current = null;
                if (idleRetired is not null)
                {
                    idleRetired.Retired = true;
                    if (idleRetired.Channels > 0) idleRetired = null;
                }
            }

            if (idleRetired is not null) Close(idleRetired);
            var fresh = new Connection(await ConnectAsync(cancellationToken).ConfigureAwait(false)) { Channels = 1 };
            lock (state)
            {
                current = fresh;
            }

            return fresh;
        }
        finally
        {
            connecting.Release();
        }
    }

    /// <summary>Under <see cref="state"/>: counts a new shell on <paramref name="connection"/> when it is usable.</summary>
    private static bool TryCountChannel(Connection? connection, Connection? replacing)
    {
        if (connection is null || ReferenceEquals(connection, replacing) || connection.Abandoned || !connection.Client.IsConnected) return false;
        connection.Channels++;
        return true;
    }

    /// <summary>A shell on <paramref name="connection"/> ended; closes a retired connection with its last shell. Returns the shells still open.</summary>
    private int EndChannel(Connection connection)
    {
        int left;
        bool close;
        lock (state)
        {
            left = --connection.Channels;
            close = connection.Retired && left == 0;
        }

        if (close) Close(connection);
        return left;
    }

    private async Task<SshClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var connectionInfo = new ConnectionInfo(settings.Host!, settings.Port, settings.Username!, authenticationMethods)
        {
            Timeout = settings.ConnectTimeout,
        };
        var candidate = new SshClient(connectionInfo);
        if (settings.KeepAliveSeconds > 0)
        {
            // Azure drops flows idle for 4 minutes without a word to either side; a keep-alive keeps the reused connection's flow open.
            candidate.KeepAliveInterval = TimeSpan.FromSeconds(settings.KeepAliveSeconds);
        }

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

    private void Abandon(Connection wedged)
    {
        lock (state)
        {
            wedged.Abandoned = true;
        }

        LogAbandoned(logger, settings.Name);
    }

    private static void Close(Connection connection)
    {
        if (connection.Abandoned)
        {
            // Its message thread is stuck inside SSH.NET; disconnecting would wait on it forever. Let it go.
            return;
        }

        try
        {
            connection.Client.Disconnect();
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            // Already broken; disposing is all that is left.
        }

        connection.Client.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Router {Router}: the router refused a new SSH channel while {Open} were open ({Reason}); that read fails, the connection and its shells stay")]
    private static partial void LogChannelRefused(ILogger logger, string router, int open, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Router {Router}: all {Channels} read channels stayed busy; the read fails")]
    private static partial void LogBudgetExhausted(ILogger logger, string router, int channels);

    [LoggerMessage(Level = LogLevel.Information, Message = "Router {Router}: SSH connected to {Host}:{Port}")]
    private static partial void LogConnected(ILogger logger, string router, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Router {Router}: opening a shell failed ({Reason}); reconnecting")]
    private static partial void LogReconnecting(ILogger logger, string router, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Router {Router}: closing a shell wedged the SSH connection; the next session reconnects")]
    private static partial void LogAbandoned(ILogger logger, string router);

    [LoggerMessage(Level = LogLevel.Error, Message = "Router {Router}: host key SHA256:{Presented} does not match the pinned fingerprint; refused")]
    private static partial void LogHostKeyRejected(ILogger logger, string router, string presented);

    /// <summary>One SSH connection and the shells open on it (counted under <see cref="state"/>).</summary>
    private sealed class Connection(SshClient client)
    {
        public SshClient Client { get; } = client;

        public int Channels { get; set; }

        /// <summary>Replaced by a newer connection: closed once <see cref="Channels"/> reaches 0.</summary>
        public bool Retired { get; set; }

        /// <summary>Closing a shell wedged SSH.NET's message thread: never reused, never disconnected.</summary>
        public bool Abandoned { get; set; }
    }
}
