using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NatFunctions.IntegrationTests.LoadHarness;

/// <summary>
/// The load harness's stand-in for a network with a round trip (tests/NatFunctions.Testing/DelayingTcpRelay.cs),
/// in front of an echo server: what goes through arrives intact and in order, and every chunk comes back one RTT after
/// it was sent, also while others are in flight (a pipelining client must see a batch cost one round trip, as on a
/// real network, not one per chunk).
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class DelayingTcpRelayTests
{
    [Fact]
    public async Task Bytes_arrive_intact_in_order_and_the_end_of_stream_follows()
    {
        using var listener = StartListener();
        var echoing = EchoOnceAsync(listener);
        await using var relay = new DelayingTcpRelay(((IPEndPoint)listener.LocalEndpoint).Port, TimeSpan.FromMilliseconds(50));
        using var client = await ConnectAsync(relay.Port);

        // 1 MB in pieces of many sizes, each numbered by its content, so a reordered or lost piece changes the bytes.
        var sent = new MemoryStream();
        var random = new Random(7);
        var reading = ReadToEndAsync(client);
        for (var piece = 0; sent.Length < 1024 * 1024; piece++)
        {
            var bytes = new byte[random.Next(1, 9000)];
            random.NextBytes(bytes);
            BitConverter.TryWriteBytes(bytes, piece);
            await client.SendAsync(bytes, SocketFlags.None);
            sent.Write(bytes);
        }

        client.Shutdown(SocketShutdown.Send);
        var received = await reading.WaitAsync(TimeSpan.FromSeconds(30));
        await echoing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(sent.Length, received.Length);
        Assert.True(sent.ToArray().AsSpan().SequenceEqual(received), "the echoed bytes differ from the sent bytes");
    }

    [Fact]
    public async Task Each_chunk_takes_one_rtt_there_and_back_even_when_others_are_in_flight()
    {
        // Long enough against scheduling noise on a busy machine: chunks 20 ms apart, each held 500 ms each way. A relay
        // that held its reader during each delay would add half a delay per direction on average (median ~500 ms more).
        var roundTrip = TimeSpan.FromMilliseconds(1000);

        // The relay's timers continue on the thread pool. On 2 cores the pool starts with 2 threads and adds about one
        // every half second while they are busy (the test host keeps some), which delayed whole runs of chunks by 300 to
        // 900 ms in 1 of 3 runs on a quiet machine. Enough threads up front leave only the relay's own timing to test.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), completionPorts);
        const int chunks = 20;
        using var listener = StartListener();
        var echoing = EchoOnceAsync(listener);
        await using var relay = new DelayingTcpRelay(((IPEndPoint)listener.LocalEndpoint).Port, roundTrip / 2);
        using var client = await ConnectAsync(relay.Port);

        var sentAt = new long[chunks];
        var receivedAt = new long[chunks];
        var order = new List<byte>();
        var receiving = Task.Run(async () =>
        {
            var buffer = new byte[chunks];
            while (order.Count < chunks)
            {
                var read = await client.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0) throw new IOException($"the relay ended the stream after {order.Count} of {chunks} chunks");
                var now = Stopwatch.GetTimestamp();
                foreach (var chunk in buffer.AsSpan(0, read).ToArray())
                {
                    receivedAt[chunk] = now;
                    order.Add(chunk);
                }
            }
        });
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            sentAt[chunk] = Stopwatch.GetTimestamp();
            await client.SendAsync(new[] { (byte)chunk }, SocketFlags.None);
            await Task.Delay(20);
        }

        await receiving.WaitAsync(TimeSpan.FromSeconds(30));
        client.Shutdown(SocketShutdown.Send);
        await echoing.WaitAsync(TimeSpan.FromSeconds(30));

        var latencies = Enumerable.Range(0, chunks).Select(chunk => Stopwatch.GetElapsedTime(sentAt[chunk], receivedAt[chunk])).Order().ToList();
        Assert.Equal(Enumerable.Range(0, chunks).Select(chunk => (byte)chunk), order);
        // Never early: every chunk waited the full one-way delay in both directions (timers may round down by a tick).
        Assert.True(latencies[0] >= roundTrip - TimeSpan.FromMilliseconds(2), $"the fastest chunk came back after {latencies[0].TotalMilliseconds:F1} ms, less than the {roundTrip.TotalMilliseconds} ms RTT");
        // Not late either: a relay that held its reader during each delay would add up to a delay per direction
        // (median about 500 ms more), because what arrives meanwhile waits for the next read.
        var median = latencies[chunks / 2];
        Assert.True(median < roundTrip + TimeSpan.FromMilliseconds(250), $"the median chunk came back after {median.TotalMilliseconds:F1} ms: chunks were delayed one after another, not side by side (by chunk: {string.Join(", ", Enumerable.Range(0, chunks).Select(chunk => Stopwatch.GetElapsedTime(sentAt[chunk], receivedAt[chunk]).TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms)");
    }

    private static TcpListener StartListener()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    /// <summary>Accepts one connection and sends back everything it receives until the client's end of stream.</summary>
    private static async Task EchoOnceAsync(TcpListener listener)
    {
        using var server = await listener.AcceptSocketAsync();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await server.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            await server.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
        }

        server.Shutdown(SocketShutdown.Send);
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        return client;
    }

    private static async Task<byte[]> ReadToEndAsync(Socket socket)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            received.Write(buffer, 0, read);
        }

        return received.ToArray();
    }
}
