using NatFunctions.Core.Applying;

namespace NatFunctions.Core.Tests.Applying;

public sealed class RouterLevelRefusalTests
{
    [Theory]
    [InlineData("Configuration path: [service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-1 mac] is not valid\nSet failed")]
    [InlineData("  Configuration path: service dhcp-server [mac] is not valid\n\nSet failed\n")]
    public void An_unknown_path_is_the_routers_setup(string output) => Assert.True(RouterLevelRefusal.IsUnknownPath(output));

    [Theory]
    [InlineData("Value validation failed\nSet failed")]
    [InlineData("Destination NAT configuration error in rule 10010: translation address is required")]
    [InlineData("the description mentions that a path is not valid")]
    [InlineData(null)]
    public void Other_refusals_blame_the_object(string? output) => Assert.False(RouterLevelRefusal.IsUnknownPath(output));
}
