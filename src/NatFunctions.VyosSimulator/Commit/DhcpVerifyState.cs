namespace NatFunctions.VyosSimulator.Commit;

/// <summary>What service_dhcp-server.py verify() carries across shared networks: listen_ok, the subnets seen, subnet IDs.</summary>
internal sealed class DhcpVerifyState(RouterInterfaces interfaces)
{
    public RouterInterfaces Interfaces { get; } = interfaces;

    public bool ListenOk { get; set; }

    public List<(string Text, Ipv4Network Network)> Subnets { get; } = [];

    public HashSet<string> SubnetIds { get; } = new(StringComparer.Ordinal);
}
