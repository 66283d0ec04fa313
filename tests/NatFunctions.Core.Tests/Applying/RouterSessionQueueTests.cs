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
