using NatFunctions.Core.Routers.Views;

namespace NatFunctions.Contracts;

/// <summary>A DHCP static mapping under the router's configured shared network; <see cref="Owned"/> when its name carries our marker.</summary>
public sealed record RouterDhcpMappingResponse(
    string SharedNetwork, string Subnet, string Name, string? IpAddress, string? MacAddress, bool Disabled, bool Owned)
{
    public static RouterDhcpMappingResponse From(DhcpMappingView view) => new(
        view.Mapping.SharedNetwork,
        view.Mapping.Subnet,
        view.Mapping.Name,
        view.Mapping.IpAddress,
        view.Mapping.MacAddress,
        view.Mapping.Disabled,
        view.Owned);
}
