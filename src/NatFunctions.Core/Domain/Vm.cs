namespace NatFunctions.Core.Domain;

public sealed class Vm : Entity
{
    public required string MachineId { get; set; }

    /// <summary>Lower-case colon form, or null when the VM gets no DHCP static mapping.</summary>
    public string? MacAddress { get; set; }

    public required string InternalIp { get; set; }

    public required string Router { get; set; }

    public long IpPoolId { get; set; }

    public IpPool? IpPool { get; set; }

    /// <summary>Small caller-supplied JSON object, stored as text.</summary>
    public string? Metadata { get; set; }

    public SyncState DhcpSyncState { get; set; } = SyncState.Pending;

    /// <summary>The router's text when it refused the DHCP static mapping; cleared when the mapping is applied.</summary>
    public string? DhcpLastError { get; set; }

    public List<PortForward> Forwards { get; set; } = [];
}
