using System.Text;
using Renci.SshNet;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// An interactive SSH shell. ShellStream only offers blocking reads, so one long-running task reads and publishes;
/// callers await chunks with cancellation.
/// </summary>
internal sealed class ShellStreamChannel : IRouterTextChannel
{
    private readonly ShellStream stream;
    private readonly TextChannelPump pump = new();
    private readonly Task reader;

    public ShellStreamChannel(ShellStream stream)
    {
        this.stream = stream;
        reader = Task.Factory.StartNew(ReadUntilClosed, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public async Task SendLineAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            // A terminal sends carriage return for Enter; the pty turns it into a newline for the shell.
            var bytes = Encoding.UTF8.GetBytes(line + "\r");
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
        stream.Dispose();
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
