using System.Net;
using System.Net.Sockets;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// A TCP relay in front of sshd that drops a connection once no byte crossed it for <see cref="IdleLimit"/>, as
/// Azure's load balancer and NAT do after 4 minutes (here in seconds). Counts the connections it relayed.
/// </summary>
internal sealed class IdleDroppingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int target;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private int connections;
    private int dropped;

    public IdleDroppingProxy(int targetPort, TimeSpan idleLimit)
    {
        target = targetPort;
        IdleLimit = idleLimit;
        listener.Start();
        accepting = AcceptAsync();
    }

    public TimeSpan IdleLimit { get; }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    public int Dropped => Volatile.Read(ref dropped);

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
            Interlocked.Increment(ref connections);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            await server.ConnectAsync(IPAddress.Loopback, target);
            var lastTraffic = DateTime.UtcNow;
            using var relay = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var upstream = PumpAsync(client.GetStream(), server.GetStream(), () => lastTraffic = DateTime.UtcNow, relay.Token);
            var downstream = PumpAsync(server.GetStream(), client.GetStream(), () => lastTraffic = DateTime.UtcNow, relay.Token);
            while (!upstream.IsCompleted && !downstream.IsCompleted && !relay.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
                if (DateTime.UtcNow - lastTraffic > IdleLimit)
                {
                    Interlocked.Increment(ref dropped);
                    break;
                }
            }

            await relay.CancelAsync();
            client.Close();
            server.Close();
        }
    }

    private static async Task PumpAsync(NetworkStream from, NetworkStream to, Action traffic, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                traffic();
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // One side closed or the relay was dropped.
        }
    }
}
