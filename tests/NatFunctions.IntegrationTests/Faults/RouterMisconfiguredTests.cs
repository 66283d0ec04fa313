using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// A router whose VyOS line is not its <c>VyosVersion</c> setting gets nothing: <c>show version</c> at connect stops
/// the run before any configure session, the audit and the sync report say router_misconfigured, and no row is
/// frozen. Rows an earlier run froze for a router-level refusal go back to pending once the router reads fine.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class RouterMisconfiguredTests(SimulatedVyosSshServer server)
{
    [Fact]
    public async Task A_router_on_another_VyOS_line_gets_nothing_and_nothing_is_frozen()
    {
        await server.StartRouterAsync("1.5");
        var router = server.RouterSettings() with { VyosVersion = VyosVersion.V1_4 };
        await using var rig = await ApplierRig.StartAsync(router, server.StateDir);
        await SshApplierRig.AddTwoVmsAsync(rig);

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", TimeSpan.FromSeconds(60), CancellationToken.None);
        var report = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Manual, "admin", CancellationToken.None));
        var probe = await rig.Client.ProbeAsync(CancellationToken.None);

        var changes = await rig.ChangesAsync();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, change => Assert.Equal(ChangeResult.RouterMisconfigured, change.Result));
        Assert.All(changes, change => Assert.Equal(string.Empty, change.Commands));
        Assert.Contains("Set Routers:edge:VyosVersion to 1.5", changes[0].RouterOutput, StringComparison.Ordinal);
        Assert.Equal(SyncOutcome.RouterMisconfigured, report.Outcome);
        Assert.Equal(RouterProbeStatus.RouterMisconfigured, probe.Status);
        var forwards = await rig.ForwardsAsync();
        Assert.All(forwards, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(forwards, forward => Assert.Contains("VyosVersion", forward.LastError, StringComparison.Ordinal));
        Assert.DoesNotContain("nat destination", await File.ReadAllTextAsync(Path.Combine(server.StateDir, "active.config")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_frozen_by_a_path_VyOS_refused_are_sent_again_once_the_router_reads_fine()
    {
        await server.StartRouterAsync("1.4");
        await using var rig = await ApplierRig.StartAsync(server.RouterSettings(), server.StateDir);
        await SshApplierRig.AddTwoVmsAsync(rig);
        const string UnknownPath = "Configuration path: [service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a mac] is not valid\nSet failed";
        const string ValueError = "Value validation failed\nSet failed";
        await using (var db = rig.CreateContext())
        {
            await db.PortForwards.Where(f => f.NatRuleNumber == 10000)
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.SyncState, SyncState.Failed).SetProperty(f => f.LastError, UnknownPath));
            await db.PortForwards.Where(f => f.NatRuleNumber == 10002)
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.SyncState, SyncState.Failed).SetProperty(f => f.LastError, ValueError));
            await db.Vms.Where(vm => vm.MachineId == "vm-a")
                .ExecuteUpdateAsync(set => set.SetProperty(vm => vm.DhcpSyncState, SyncState.Failed).SetProperty(vm => vm.DhcpLastError, UnknownPath));
        }

        var report = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Manual, "admin", CancellationToken.None));

        Assert.Equal(SyncOutcome.Committed, report.Outcome);
        var forwards = (await rig.ForwardsAsync()).ToDictionary(f => f.NatRuleNumber);
        Assert.Equal(SyncState.Applied, forwards[10000].SyncState);
        Assert.Null(forwards[10000].LastError);
        Assert.Equal(SyncState.Failed, forwards[10002].SyncState);
        await using var check = rig.CreateContext();
        Assert.Equal(SyncState.Applied, (await check.Vms.SingleAsync(vm => vm.MachineId == "vm-a")).DhcpSyncState);
        Assert.Contains("set nat destination rule 10000 translation address '192.168.64.10'", await rig.RouterLinesAsync("set nat destination rule 10000"));
    }
}
