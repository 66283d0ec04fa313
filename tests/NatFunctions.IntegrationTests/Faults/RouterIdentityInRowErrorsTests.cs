using System.Net;
using System.Net.Sockets;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.IntegrationTests.Applying;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// A row's <c>last_error</c> is shown to readers (GET /v1/vms); it says what went wrong, never the router's host, port
/// or SSH username (decision 0007). The audit, which only admins read, keeps the full text.
/// </summary>
public sealed class RouterIdentityInRowErrorsTests
{
    private const string Host = "127.0.0.1";
    private const string Username = "nf-secret-account";

    [Fact]
    public async Task An_unreachable_router_leaves_a_pending_note_without_its_address_or_username()
    {
        var closedPort = ClosedPort();
        await using var rig = await ApplierRig.StartAsync(adjustRouter: router => router with
        {
            Transport = RouterTransport.Ssh,
            Host = Host,
            Port = closedPort,
            Username = Username,
            Password = "unused-password",
            HostKeySha256 = "n5oo0U8Zk1FGbWtXZ6o/bsWZFSgWUsq1vCWBDsWmD6w",
            ConnectTimeoutSeconds = 3,
        });
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22));

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", TimeSpan.FromSeconds(30), CancellationToken.None);

        var forward = Assert.Single(await rig.ForwardsAsync());
        var change = Assert.Single(await rig.ChangesAsync());
        Assert.Equal(SyncState.Pending, forward.SyncState);
        Assert.False(string.IsNullOrEmpty(forward.LastError));
        Assert.DoesNotContain(Host, forward.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), forward.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(Username, forward.LastError, StringComparison.Ordinal);
        Assert.Contains("could not connect", forward.LastError, StringComparison.Ordinal);
        Assert.Contains(Host, change.RouterOutput ?? string.Empty, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
