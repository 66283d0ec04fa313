using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// A router whose host key is not the pinned one gets nothing: no login, no command. The audit records the session
/// as <c>untrusted_host_key</c> (the result the NatFunctionsUntrustedHostKey alert counts), and the rows wait.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class UntrustedHostKeyTests(SimulatedVyosSshServer server)
{
    [Fact]
    public async Task A_host_key_mismatch_sends_nothing_and_is_audited_as_untrusted_host_key()
    {
        await server.StartRouterAsync("1.4");
        var impostor = server.RouterSettings() with { HostKeySha256 = Convert.ToBase64String(new byte[32]).TrimEnd('=') };
        await using var rig = await ApplierRig.StartAsync(impostor, server.StateDir);
        await SshApplierRig.AddTwoVmsAsync(rig);
        var loginsBefore = server.AcceptedLogins();

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", TimeSpan.FromSeconds(60), CancellationToken.None);

        var change = Assert.Single(await rig.ChangesAsync());
        Assert.Equal(ChangeResult.UntrustedHostKey, change.Result);
        Assert.Equal(string.Empty, change.Commands);
        Assert.All(await rig.ForwardsAsync(), forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.Equal(loginsBefore, server.AcceptedLogins());
        Assert.DoesNotContain("nat destination", await File.ReadAllTextAsync(Path.Combine(server.StateDir, "active.config")), StringComparison.Ordinal);
    }
}
