using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NatFunctions.LocalHost.Hosting;

namespace NatFunctions.LocalHost.Rpc;

/// <summary>
/// The worker's gRPC endpoint: its own Kestrel on a free loopback port, HTTP/2 without TLS (h2c), kept apart from
/// the public API port so that port serves nothing but function routes.
/// </summary>
internal sealed class RpcServer(WorkerChannel channel) : IAsyncDisposable
{
    private WebApplication? server;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        // Its own console logging at Warning: its lifetime chatter ("Now listening on" a private port) would mislead.
        builder.Logging.AddLocalHostConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.AddRouting();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(channel);
        server = builder.Build();
        server.MapGrpcService<FunctionRpcService>();
        await server.StartAsync(cancellationToken);
        Endpoint = new Uri(server.Urls.Single());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
