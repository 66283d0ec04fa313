using NatFunctions.Core.Results;

namespace NatFunctions.Core.Routers.Views;

/// <summary>GET /v1/admin/routers and GET /v1/admin/routers/{name}/nat: what is configured and what is really on the routers.</summary>
public sealed class RouterViewQueries(IRouterClientFactory routers, RouterConfigurationReader reader, IRouterActivityStore activity)
{
    /// <summary>Every configured router; the live reads run in parallel, each bounded, so one dead router cannot stall the list.</summary>
    public async Task<IReadOnlyList<RouterOverview>> ListAsync(CancellationToken cancellationToken)
    {
        var clients = routers.RouterNames.Select(routers.Get).ToList();
        var reads = clients.Select(client => reader.ReadAsync(client, cancellationToken)).ToList();

        // The database context is not thread-safe: its queries go one after another while the routers are read.
        var activities = new List<RouterActivity>(clients.Count);
        foreach (var client in clients)
        {
            activities.Add(await activity.GetAsync(client.RouterName, cancellationToken));
        }

        var overviews = new List<RouterOverview>(clients.Count);
        for (var index = 0; index < clients.Count; index++)
        {
            var settings = clients[index].Settings;
            var live = await reads[index];
            var unmanaged = live.IsRead ? RouterNatView.Read(settings, live.Tree!, live.ReadAt).UnmanagedRules : null;
            overviews.Add(new RouterOverview(settings, live.Reachability, live.ReadAt, activities[index], unmanaged));
        }

        return overviews;
    }

    public async Task<OperationResult<RouterNatRead>> GetNatAsync(string routerName, CancellationToken cancellationToken)
    {
        if (!routers.RouterNames.Contains(routerName, StringComparer.Ordinal))
        {
            return OperationError.NotFound("The router");
        }

        var client = routers.Get(routerName);
        var live = await reader.ReadAsync(client, cancellationToken);
        return live.IsRead
            ? new RouterNatRead(RouterNatView.Read(client.Settings, live.Tree!, live.ReadAt), RouterReachability.Ok)
            : new RouterNatRead(null, live.Reachability);
    }
}
