using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Pools;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Applying;

/// <summary>
/// The applier and the sync: every write and every sync of a router goes through that router's
/// <see cref="RouterSessionQueue"/>.
/// </summary>
public sealed class GroupCommitApplier : IRouterApplier, IRouterSync, IDisposable
{
    private readonly RouterReconciler reconciler;
    private readonly IRouterClientFactory routers;
    private readonly ApplySettings settings;
    private readonly ILogger<GroupCommitApplier> logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, RouterSessionQueue> queues = new(StringComparer.OrdinalIgnoreCase);
    private int disposed;

    public GroupCommitApplier(RouterReconciler reconciler, IRouterClientFactory routers, ApplySettings settings, ILogger<GroupCommitApplier> logger)
    {
        this.reconciler = reconciler;
        this.routers = routers;
        this.settings = settings;
        this.logger = logger;
    }

    public async Task<bool> ApplyPendingAsync(string router, ChangeTrigger trigger, string? actor, TimeSpan wait, CancellationToken cancellationToken)
    {
        var session = Queue(router).EnqueueAsync(trigger, actor, ReconcileKindRules.ForWrite(settings.SyncMode));
        try
        {
            await session.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The session failed (logged where it ran); the rows say what happened, so the caller only needs to stop waiting.
            logger.LogDebug(exception, "Waiting for router {Router} ended with an error", router);
            return true;
        }
    }

    public async Task<OperationResult<IReadOnlyList<RouterSyncReport>>> SyncAsync(
        string? router, bool dryRun, ChangeTrigger trigger, string? actor, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> names = routers.RouterNames;
        if (router is not null)
        {
            if (ConfiguredRouter.Resolve(routers, router) is not { } configured)
            {
                return UnknownRouter;
            }

            names = [configured];
        }

        var reports = new List<RouterSyncReport>();
        foreach (var name in names)
        {
            try
            {
                reports.Add(await SyncOneAsync(name, dryRun, trigger, actor, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One router's failure must not keep the others from being synced (or fail the timer for all of them).
                logger.LogError(exception, "Sync of router {Router} failed", name);
                reports.Add(new RouterSyncReport(name, SyncOutcome.Error, null, [], null, [], "the sync of this router failed unexpectedly (details are in the logs)"));
            }
        }

        return reports;
    }

    public void Dispose()
    {
        // The container disposes this once per registration that hands it out (applier and sync).
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        stopping.Cancel();
        stopping.Dispose();
    }

    private async Task<RouterSyncReport> SyncOneAsync(string router, bool dryRun, ChangeTrigger trigger, string? actor, CancellationToken cancellationToken)
    {
        var kind = ReconcileKindRules.ForSync(settings.SyncMode, dryRun);
        var run = kind.SharesSessions
            ? Queue(router).EnqueueAsync(trigger, actor, kind)
            : reconciler.RunAsync(new ReconcileRequest(router, trigger, actor, kind), cancellationToken);
        return await run.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private RouterSessionQueue Queue(string router)
    {
        var name = CanonicalName(router);
        return queues.GetOrAdd(name, key => new RouterSessionQueue(key, reconciler.RunAsync, logger, stopping.Token));
    }

    private static OperationError UnknownRouter => new(ErrorKind.NotFound, "Not found.", "No router of that name is configured.");

    /// <exception cref="KeyNotFoundException">No router of that name is configured.</exception>
    private string CanonicalName(string router) => routers.Get(router).RouterName;
}
