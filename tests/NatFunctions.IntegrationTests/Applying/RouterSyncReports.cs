using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>The reports of a sync the test expects to run (every router, or one that is configured).</summary>
internal static class RouterSyncReports
{
    public static async Task<IReadOnlyList<RouterSyncReport>> SyncReportsAsync(
        this IRouterSync sync, string? router, bool dryRun, ChangeTrigger trigger, string? actor, CancellationToken cancellationToken)
    {
        var result = await sync.SyncAsync(router, dryRun, trigger, actor, cancellationToken);
        Assert.True(result.Succeeded, result.Error?.Detail);
        return result.Value!;
    }
}
