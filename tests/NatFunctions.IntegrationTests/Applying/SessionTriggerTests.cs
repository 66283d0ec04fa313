using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Routers.Views;
using NatFunctions.Infrastructure.Applying;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// A shared session is recorded under the strongest trigger that joined it, so the router view's last sync (the latest
/// session not triggered by the api) sees a timer or manual sync that joined an api caller's session.
/// </summary>
public sealed class SessionTriggerTests
{
    [Fact]
    public async Task A_timer_or_manual_sync_joining_a_queued_api_session_gives_the_session_its_trigger_and_actor()
    {
        var requests = new List<ReconcileRequest>();
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<RouterSyncReport> Reconcile(ReconcileRequest request, CancellationToken cancellationToken)
        {
            lock (requests) requests.Add(request);
            if (requests.Count == 1)
            {
                firstRunning.SetResult();
                await releaseFirst.Task;
            }

            return new RouterSyncReport(request.Router, SyncOutcome.NoChange, null, [], null, [], null);
        }

        var queue = new RouterSessionQueue("edge", Reconcile, NullLogger.Instance, CancellationToken.None);
        var first = queue.EnqueueAsync(ChangeTrigger.Api, "writer-1", ReconcileKind.PendingOnly);
        await firstRunning.Task;
        var api = queue.EnqueueAsync(ChangeTrigger.Api, "writer-2", ReconcileKind.PendingOnly);
        var timer = queue.EnqueueAsync(ChangeTrigger.Timer, null, ReconcileKind.Repair);
        var manual = queue.EnqueueAsync(ChangeTrigger.Manual, "admin", ReconcileKind.Repair);
        var laterApi = queue.EnqueueAsync(ChangeTrigger.Api, "writer-3", ReconcileKind.PendingOnly);
        releaseFirst.SetResult();
        await Task.WhenAll(first, api, timer, manual, laterApi);

        Assert.Equal(
            [new ReconcileRequest("edge", ChangeTrigger.Api, "writer-1", ReconcileKind.PendingOnly), new ReconcileRequest("edge", ChangeTrigger.Manual, "admin", ReconcileKind.Repair)],
            requests);
    }

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

    [Theory]
    [InlineData(false, ChangeTrigger.Mcp, "agent")]
    [InlineData(true, ChangeTrigger.Timer, null)]
    public async Task An_mcp_write_joining_a_queued_api_session_records_it_as_mcp_and_a_timer_sync_outranks_it(
        bool timerJoins, ChangeTrigger recorded, string? actor)
    {
        var requests = new List<ReconcileRequest>();
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<RouterSyncReport> Reconcile(ReconcileRequest request, CancellationToken cancellationToken)
        {
            lock (requests) requests.Add(request);
            if (requests.Count == 1)
            {
                firstRunning.SetResult();
                await releaseFirst.Task;
            }

            return new RouterSyncReport(request.Router, SyncOutcome.NoChange, null, [], null, [], null);
        }

        var queue = new RouterSessionQueue("edge", Reconcile, NullLogger.Instance, CancellationToken.None);
        var sessions = new List<Task<RouterSyncReport>> { queue.EnqueueAsync(ChangeTrigger.Api, "writer-1", ReconcileKind.PendingOnly) };
        await firstRunning.Task;
        sessions.Add(queue.EnqueueAsync(ChangeTrigger.Api, "writer-2", ReconcileKind.PendingOnly));
        sessions.Add(queue.EnqueueAsync(ChangeTrigger.Mcp, "agent", ReconcileKind.PendingOnly));
        if (timerJoins)
        {
            sessions.Add(queue.EnqueueAsync(ChangeTrigger.Timer, null, ReconcileKind.Repair));
        }

        sessions.Add(queue.EnqueueAsync(ChangeTrigger.Api, "writer-3", ReconcileKind.PendingOnly));
        releaseFirst.SetResult();
        await Task.WhenAll(sessions);

        Assert.Equal(2, requests.Count);
        Assert.Equal((recorded, actor), (requests[1].Trigger, requests[1].Actor));
    }
}
