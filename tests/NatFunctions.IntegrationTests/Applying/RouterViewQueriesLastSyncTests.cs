using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Routers.Views;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// The router view's last sync is the latest session not triggered by a write: a timer sync, with the drift it found,
/// and not an agent's write after it. (How joined sessions take their trigger: Core.Tests' RouterSessionQueueTests.)
/// </summary>
public sealed class RouterViewQueriesLastSyncTests
{
    [Fact]
    public async Task The_router_views_last_sync_is_the_timer_sync_with_its_drift_counts()
    {
        await using var rig = await ApplierRig.StartAsync();
        await rig.AddVmAsync("vm-a", "192.168.64.40", null, ApplierRig.Forward(10000, "ssh", 32100, 22));
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", TimeSpan.FromSeconds(60), CancellationToken.None);
        var drift = new[]
        {
            "set nat destination rule 10000 translation port '2222'",
            "set nat destination rule 10001 description 'nf:ghost:ssh'",
            "set nat destination rule 10001 inbound-interface name 'eth0'",
            "set nat destination rule 10001 translation address '192.168.64.77'",
            "set nat destination rule 10002 description 'hand made'",
            // With no port it would take every port of eth0, vm-b's too (decision 0019).
            "set nat destination rule 10002 destination port '9999'",
            "set nat destination rule 10002 inbound-interface name 'eth0'",
            "set nat destination rule 10002 protocol 'tcp'",
            "set nat destination rule 10002 translation address '192.168.64.78'",
        };
        Assert.Equal(RouterSessionOutcome.Committed, (await rig.Client.ApplyAsync(new RouterChangeRequest(drift), CancellationToken.None)).Outcome);
        await rig.AddVmAsync("vm-b", "192.168.64.41", null, ApplierRig.Forward(10003, "ssh", 32101, 22));

        var report = Assert.Single(await rig.Sync.SyncReportsAsync(null, dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None));
        // An agent's write through /v1/mcp is a write like an api one: its session is the last session, not the last sync.
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Mcp, "agent", TimeSpan.FromSeconds(60), CancellationToken.None);

        await using var scope = rig.Main.CreateScope();
        var activity = await scope.ServiceProvider.GetRequiredService<IRouterActivityStore>().GetAsync("edge", CancellationToken.None);
        Assert.Equal(SyncOutcome.Committed, report.Outcome);
        var lastSync = activity.LastSync!;
        Assert.Equal((report.ChangeId!.Value, ChangeTrigger.Timer, (string?)null, ChangeResult.Committed), (lastSync.Id, lastSync.Trigger, lastSync.Actor, lastSync.Result));
        Assert.Equal(new NatFunctions.Core.Audit.DriftCounts(Missing: 1, Changed: 1, Extra: 1, Unmanaged: 1), lastSync.Drift);
        Assert.Equal((ChangeTrigger.Mcp, "agent"), (activity.LastSession!.Trigger, activity.LastSession.Actor));
    }
}
