using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace NatFunctions.Testing;

/// <summary>
/// A TCP relay on 127.0.0.1 that stands for a network with a round-trip time: every chunk read from one side reaches
/// the other <see cref="OneWayDelay"/> (half the round trip) after it was read, in the order it was read. Kernel
/// netem is not available on these machines, so the delay is made here: each direction has a reader that stamps
/// every chunk with its due time and queues it without waiting, and a forwarder that writes each chunk once it is
/// due, so a delay never slows the reader and chunks sent close together arrive close together (a pipelined client
/// pays one round trip for a batch, not one per line). An end of stream is passed on after the same delay.
/// Used by the load harness and the sshd rig; its own test is in <c>tests/NatFunctions.IntegrationTests</c>.
/// </summary>
public sealed class DelayingTcpRelay : IAsyncDisposable
{
    private const int ChunkSize = 64 * 1024;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int targetPort;
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private readonly List<Task> connections = [];
    private readonly Task accepting;

    public DelayingTcpRelay(int targetPort, TimeSpan oneWayDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(oneWayDelay, TimeSpan.Zero);
        this.targetPort = targetPort;
        OneWayDelay = oneWayDelay;
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>How long each chunk is held before it is forwarded: half the simulated round trip.</summary>
    public TimeSpan OneWayDelay { get; }

    /// <summary>The port clients connect to instead of the target's.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        Task[] running;
        lock (gate)
        {
            running = [accepting, .. connections];
        }

        try
        {
            await Task.WhenAll(running);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped while accepting or relaying.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptSocketAsync(stop.Token);
            lock (gate)
            {
                connections.RemoveAll(task => task.IsCompleted);
                connections.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using (client)
        using (var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            client.NoDelay = true;
            server.NoDelay = true;
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, targetPort, stop.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                return;
            }

            // Either side failing ends the connection both ways, as a broken network path would.
            using var broken = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            await Task.WhenAll(
                ForwardDirectionAsync(client, server, broken),
                ForwardDirectionAsync(server, client, broken));
        }
    }

    private async Task ForwardDirectionAsync(Socket from, Socket to, CancellationTokenSource broken)
    {
        var queue = Channel.CreateUnbounded<DelayedChunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var forwarding = WriteWhenDueAsync(queue.Reader, to, broken);
        var buffer = new byte[ChunkSize];
        var delayTicks = (long)(OneWayDelay.TotalSeconds * Stopwatch.Frequency);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, broken.Token);
                var due = Stopwatch.GetTimestamp() + delayTicks;
                queue.Writer.TryWrite(new DelayedChunk(due, buffer.AsSpan(0, read).ToArray()));
                if (read == 0) break;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            await broken.CancelAsync();
        }
        finally
        {
            queue.Writer.TryComplete();
        }

        await forwarding;
    }

    private static async Task WriteWhenDueAsync(ChannelReader<DelayedChunk> queue, Socket to, CancellationTokenSource broken)
    {
        try
        {
            await foreach (var chunk in queue.ReadAllAsync(broken.Token))
            {
                // Task.Delay works in whole milliseconds and its timer may fire a little early: wait again until the
                // chunk is really due, so no chunk ever beats the delay (a round trip measured 397.4 ms against 400).
                TimeSpan wait;
                while ((wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), chunk.DueTimestamp)) > TimeSpan.Zero)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), broken.Token);
                }

                if (chunk.Bytes.Length == 0)
                {
                    // The sender closed its side: close ours the same way, so the far end reads its end of stream.
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                var sent = 0;
                while (sent < chunk.Bytes.Length)
                {
                    sent += await to.SendAsync(chunk.Bytes.AsMemory(sent), SocketFlags.None, broken.Token);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            await broken.CancelAsync();
        }
    }

    /// <summary>A chunk as read, and when it may leave (a <see cref="Stopwatch"/> timestamp); no bytes is the end of stream.</summary>
    private readonly record struct DelayedChunk(long DueTimestamp, byte[] Bytes);
}
