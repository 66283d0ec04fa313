using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Provisioning;

/// <summary>Whether NatFunctions writes DHCP static mappings on a router: only with both a shared network and a subnet configured.</summary>
public static class RouterDhcpSupport
{
    /// <summary>A router no longer configured is assumed to manage DHCP, so its VMs keep showing their stored state.</summary>
    public static bool ManagesDhcp(this IRouterClientFactory routers, string router)
    {
        ArgumentNullException.ThrowIfNull(routers);
        if (!routers.RouterNames.Contains(router, StringComparer.Ordinal))
        {
            return true;
        }

        var settings = routers.Get(router).Settings;
        return settings.DhcpSharedNetwork is not null && settings.DhcpSubnet is not null;
    }
}
