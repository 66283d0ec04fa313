using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers.Views;

/// <summary>A DHCP static mapping under the router's configured shared network; <see cref="Owned"/> when its name carries our marker.</summary>
public sealed record DhcpMappingView(DhcpStaticMapping Mapping, bool Owned);
