using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Tests.Applying;

/// <summary>
/// Callers that arrive while a router's session runs share the next one. That session is recorded under the
/// strongest trigger that joined it, so the router view's last sync (the latest session not triggered by a write) sees
/// a timer or manual sync that joined a writer's session, and widens to a repair when any joiner asked for one.
/// </summary>
public sealed class RouterSessionQueueTests
{
    [Fact]
    public async Task A_timer_or_manual_sync_joining_a_queued_api_session_gives_the_session_its_trigger_and_actor()
    {
        var reconciler = new FirstSessionHeldReconciler();
        var queue = new RouterSessionQueue("edge", reconciler.ReconcileAsync, NullLogger.Instance, CancellationToken.None);
        var first = queue.EnqueueAsync(ChangeTrigger.Api, "writer-1", ReconcileKind.PendingOnly);
        await reconciler.FirstRunning;
        var api = queue.EnqueueAsync(ChangeTrigger.Api, "writer-2", ReconcileKind.PendingOnly);
        var timer = queue.EnqueueAsync(ChangeTrigger.Timer, null, ReconcileKind.Repair);
        var manual = queue.EnqueueAsync(ChangeTrigger.Manual, "admin", ReconcileKind.Repair);
        var laterApi = queue.EnqueueAsync(ChangeTrigger.Api, "writer-3", ReconcileKind.PendingOnly);
        reconciler.ReleaseFirst();
        await Task.WhenAll(first, api, timer, manual, laterApi);

        Assert.Equal(
            [new ReconcileRequest("edge", ChangeTrigger.Api, "writer-1", ReconcileKind.PendingOnly), new ReconcileRequest("edge", ChangeTrigger.Manual, "admin", ReconcileKind.Repair)],
            reconciler.Requests);
    }

    [Theory]
    [InlineData(false, ChangeTrigger.Mcp, "agent")]
    [InlineData(true, ChangeTrigger.Timer, null)]
    public async Task An_mcp_write_joining_a_queued_api_session_records_it_as_mcp_and_a_timer_sync_outranks_it(
        bool timerJoins, ChangeTrigger recorded, string? actor)
    {
        var reconciler = new FirstSessionHeldReconciler();
        var queue = new RouterSessionQueue("edge", reconciler.ReconcileAsync, NullLogger.Instance, CancellationToken.None);
        var sessions = new List<Task<RouterSyncReport>> { queue.EnqueueAsync(ChangeTrigger.Api, "writer-1", ReconcileKind.PendingOnly) };
        await reconciler.FirstRunning;
        sessions.Add(queue.EnqueueAsync(ChangeTrigger.Api, "writer-2", ReconcileKind.PendingOnly));
        sessions.Add(queue.EnqueueAsync(ChangeTrigger.Mcp, "agent", ReconcileKind.PendingOnly));
        if (timerJoins)
        {
            sessions.Add(queue.EnqueueAsync(ChangeTrigger.Timer, null, ReconcileKind.Repair));
        }

        sessions.Add(queue.EnqueueAsync(ChangeTrigger.Api, "writer-3", ReconcileKind.PendingOnly));
        reconciler.ReleaseFirst();
        await Task.WhenAll(sessions);

        Assert.Equal(2, reconciler.Requests.Count);
        Assert.Equal((recorded, actor), (reconciler.Requests[1].Trigger, reconciler.Requests[1].Actor));
    }
}
