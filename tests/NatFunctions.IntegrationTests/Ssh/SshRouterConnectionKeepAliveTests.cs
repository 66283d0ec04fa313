using NatFunctions.Infrastructure.Routers;
using Microsoft.Extensions.Logging.Abstractions;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// The reused SSH connection behind a relay that drops flows idle for 3 s (Azure does at 4 minutes): keep-alives
/// every second keep it, so a read after a long quiet spell still runs on the first login.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class SshRouterConnectionKeepAliveTests(SimulatedVyosSshServer server)
{
    private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(1, 1)]
    // Without keep-alives the relay drops the idle flow and the next read needs a second connection.
    [InlineData(0, 2)]
    public async Task A_quiet_connection_survives_an_idle_timeout_only_with_keep_alives(int keepAliveSeconds, int expectedConnections)
    {
        await server.StartRouterAsync("1.4");
        await using var proxy = new IdleDroppingProxy(server.Port, IdleLimit);
        var settings = server.RouterSettings() with { Port = proxy.Port, KeepAliveSeconds = keepAliveSeconds };
        using var factory = new RouterClientFactory([settings], NullLoggerFactory.Instance, TimeProvider.System);
        var client = factory.Get(settings.Name);

        await client.ReadConfigurationCommandsAsync(CancellationToken.None);
        await Task.Delay(IdleLimit * 2);
        await client.ReadConfigurationCommandsAsync(CancellationToken.None);

        Assert.Equal(expectedConnections, proxy.Connections);
        Assert.Equal(expectedConnections - 1, proxy.Dropped);
    }
}
