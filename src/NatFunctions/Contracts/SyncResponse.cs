using NatFunctions.Core.Applying;

namespace NatFunctions.Contracts;

/// <summary>Answer of <c>POST /v1/admin/sync-vyos-config</c>: one report per router.</summary>
public sealed record SyncResponse(bool DryRun, IReadOnlyList<SyncRouterReport> Routers)
{
    public static SyncResponse From(bool dryRun, IReadOnlyList<RouterSyncReport> reports) =>
        new(dryRun, [.. reports.Select(SyncRouterReport.From)]);
}
