namespace NatFunctions.Core.Vyos;

/// <summary>
/// A DHCP static mapping: <c>service dhcp-server shared-network-name &lt;SharedNetwork&gt; subnet &lt;Subnet&gt;
/// static-mapping &lt;Name&gt;</c> with <c>ip-address</c> and the MAC leaf (<c>mac-address</c> in 1.3 and 1.4, <c>mac</c> from 1.5: <see cref="VyosVersion.DhcpStaticMappingMacLeaf"/>).
/// </summary>
public sealed record DhcpStaticMapping(string SharedNetwork, string Subnet, string Name)
{
    public string? IpAddress { get; init; }

    public string? MacAddress { get; init; }

    public bool Disabled { get; init; }
}
