using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// A TCP relay in front of sshd that forwards every chunk, each way, <see cref="OneWayDelay"/> after it arrived, in
/// order: a router in another site (netem is not available on these machines). A round trip costs twice the delay.
/// </summary>
internal sealed class DelayingRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int target;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public DelayingRelay(int targetPort, TimeSpan oneWayDelay)
    {
        target = targetPort;
        OneWayDelay = oneWayDelay;
        listener.Start();
        accepting = AcceptAsync();
    }

    public TimeSpan OneWayDelay { get; }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            await server.ConnectAsync(IPAddress.Loopback, target);
            client.NoDelay = true;
            server.NoDelay = true;
            using var relay = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var upstream = ForwardAsync(client.GetStream(), server.GetStream(), relay.Token);
            var downstream = ForwardAsync(server.GetStream(), client.GetStream(), relay.Token);
            await Task.WhenAny(upstream, downstream);
            await relay.CancelAsync();
            client.Close();
            server.Close();
        }
    }

    /// <summary>Reads as fast as the sender writes; a second loop writes each chunk once it is due.</summary>
    private async Task ForwardAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        var due = Channel.CreateUnbounded<(long Due, byte[] Bytes)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writing = WriteWhenDueAsync(due.Reader, to, cancellationToken);
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                due.Writer.TryWrite((Stopwatch.GetTimestamp() + (long)(OneWayDelay.TotalSeconds * Stopwatch.Frequency), buffer[..read]));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // One side closed or the relay stopped.
        }

        due.Writer.TryComplete();
        await writing;
    }

    private static async Task WriteWhenDueAsync(ChannelReader<(long Due, byte[] Bytes)> due, NetworkStream to, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (dueAt, bytes) in due.ReadAllAsync(cancellationToken))
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueAt);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                await to.WriteAsync(bytes, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // One side closed or the relay stopped.
        }
    }
}
