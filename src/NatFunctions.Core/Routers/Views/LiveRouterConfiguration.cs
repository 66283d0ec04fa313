using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers.Views;

/// <summary>The result of one bounded read of a router's running configuration: the parsed tree, or why there is none.</summary>
public sealed record LiveRouterConfiguration(RouterReachability Reachability, ConfigTree? Tree, DateTime ReadAt)
{
    public bool IsRead => Reachability == RouterReachability.Ok && Tree is not null;
}
