using NatFunctions.Core.Applying;

namespace NatFunctions.Core.Tests.Applying;

/// <summary>
/// A reconcile for <see cref="RouterSessionQueue"/> that records every request and holds the first session until
/// released, so that callers arriving meanwhile join the next one.
/// </summary>
internal sealed class FirstSessionHeldReconciler
{
    private readonly List<ReconcileRequest> requests = [];
    private readonly TaskCompletionSource firstRunning = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource releaseFirst = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ReconcileRequest> Requests
    {
        get
        {
            lock (requests) return [.. requests];
        }
    }

    public Task FirstRunning => firstRunning.Task;

    public void ReleaseFirst() => releaseFirst.SetResult();

    public async Task<RouterSyncReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        bool first;
        lock (requests)
        {
            requests.Add(request);
            first = requests.Count == 1;
        }

        if (first)
        {
            firstRunning.SetResult();
            await releaseFirst.Task.WaitAsync(cancellationToken);
        }

        return new RouterSyncReport(request.Router, SyncOutcome.NoChange, null, [], null, [], null);
    }
}
