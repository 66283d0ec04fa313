using Microsoft.Extensions.Logging;
using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Applying;

/// <summary>
/// Single-flight group commit for one router: at most one reconcile runs, and every caller that arrives meanwhile
/// joins the one next reconcile, which starts when the running one ends. So a caller always gets a reconcile that
/// started after it asked (and therefore sees its committed rows), and any number of callers cost about two sessions.
/// </summary>
internal sealed class RouterSessionQueue(
    string router,
    Func<ReconcileRequest, CancellationToken, Task<RouterSyncReport>> reconcile,
    ILogger logger,
    CancellationToken stopping)
{
    private readonly Lock gate = new();
    private TaskCompletionSource<RouterSyncReport>? next;
    private ReconcileRequest? nextRequest;
    private bool running;

    public Task<RouterSyncReport> EnqueueAsync(ChangeTrigger trigger, string? actor, ReconcileKind kind)
    {
        lock (gate)
        {
            if (next is null)
            {
                next = new TaskCompletionSource<RouterSyncReport>(TaskCreationOptions.RunContinuationsAsynchronously);
                nextRequest = new ReconcileRequest(router, trigger, actor, kind);
            }
            else
            {
                nextRequest = nextRequest! with { Kind = nextRequest.Kind.JoinedWith(kind) };

                // The session is recorded under the strongest trigger that joined it (manual over timer over mcp over api), so a
                // timer or manual sync that shares an api caller's session still shows as the router's last sync.
                if (trigger > nextRequest.Trigger) nextRequest = nextRequest with { Trigger = trigger, Actor = actor };
            }

            var waiting = next.Task;
            if (!running)
            {
                running = true;

                // The session serves every caller in it, so it must not carry the first caller's log scope (correlation id, actor).
                using (ExecutionContext.SuppressFlow())
                {
                    _ = Task.Run(RunAsync, CancellationToken.None);
                }
            }

            return waiting;
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            TaskCompletionSource<RouterSyncReport> current;
            ReconcileRequest request;
            lock (gate)
            {
                if (next is null)
                {
                    running = false;
                    return;
                }

                current = next;
                request = nextRequest!;
                next = null;
                nextRequest = null;
            }

            try
            {
                current.TrySetResult(await reconcile(request, stopping).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                current.TrySetCanceled(stopping);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Reconcile of router {Router} failed", router);
                current.TrySetException(exception);
            }
        }
    }
}
