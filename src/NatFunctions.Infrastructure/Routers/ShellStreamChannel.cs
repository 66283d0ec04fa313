using System.Text;
using Renci.SshNet;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// An interactive SSH shell. ShellStream only offers blocking reads, so one long-running task reads and publishes;
/// callers await chunks with cancellation.
/// </summary>
internal sealed class ShellStreamChannel : IRouterTextChannel
{
    // The router closes the channel as soon as the shell exits; a session that ended with `exit` waits that long at most.
    private static readonly TimeSpan ChannelCloseGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DisposeLimit = TimeSpan.FromSeconds(10);

    private readonly ShellStream stream;
    private readonly Action abandonConnection;
    private readonly TextChannelPump pump = new();
    private readonly Task reader;

    /// <param name="stream">The shell.</param>
    /// <param name="connection">The SSH connection the shell was opened on.</param>
    /// <param name="abandonConnection">Called when closing the shell wedged SSH.NET: the connection must not be reused.</param>
    public ShellStreamChannel(ShellStream stream, object connection, Action abandonConnection)
    {
        this.stream = stream;
        Connection = connection;
        this.abandonConnection = abandonConnection;
        reader = Task.Factory.StartNew(ReadUntilClosed, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public object Connection { get; }

    // A terminal sends carriage return for Enter; the pty turns it into a newline for the shell.
    public Task SendLineAsync(string line, CancellationToken cancellationToken) => SendAsync(line + "\r", cancellationToken);

    public Task SendKeyAsync(char key, CancellationToken cancellationToken) => SendAsync(key.ToString(), cancellationToken);

    private async Task SendAsync(string typed, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = Encoding.UTF8.GetBytes(typed);
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            stream.Flush();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new RouterChannelException($"SSH shell closed while sending: {exception.Message}", exception);
        }
    }

    public Task<string?> ReceiveAsync(CancellationToken cancellationToken) => pump.ReceiveAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // SSH.NET locks the stream, then the channel, when we dispose; when the router closes the channel its message
        // thread locks the channel, then the stream. Both at once deadlock, and with the message thread stuck every
        // later session on the connection hangs (the load harness hit it: 100 sessions one after another). So let the
        // router's close finish first (the reader ends when it has), and never wait on SSH.NET without a limit.
        await Task.WhenAny(reader, Task.Delay(ChannelCloseGrace)).ConfigureAwait(false);
        var disposing = Task.Run(stream.Dispose);
        if (await Task.WhenAny(disposing, Task.Delay(DisposeLimit)).ConfigureAwait(false) != disposing)
        {
            abandonConnection();
            return;
        }

        await reader.ConfigureAwait(false);
    }

    private void ReadUntilClosed()
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[16 * 1024];
        var characters = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, characters, 0);
                pump.Publish(new string(characters, 0, count));
            }
        }
        catch (Exception exception) when (exception is ObjectDisposedException or IOException or Renci.SshNet.Common.SshException)
        {
            // The shell or the connection closed; callers see end of stream.
        }
        finally
        {
            pump.Complete();
        }
    }
}
