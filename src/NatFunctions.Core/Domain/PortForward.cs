namespace NatFunctions.Core.Domain;

public sealed class PortForward : Entity
{
    public long VmId { get; set; }

    public Vm? Vm { get; set; }

    /// <summary>Copied from the VM so that external port and rule number can be unique per router in one index.</summary>
    public required string Router { get; set; }

    public required string PortName { get; set; }

    public ForwardProtocol Protocol { get; set; } = ForwardProtocol.Tcp;

    public int InternalPort { get; set; }

    public int ExternalPort { get; set; }

    public string? SourceIp { get; set; }

    public string? CustomDescription { get; set; }

    public ForwardStatus Status { get; set; } = ForwardStatus.Enabled;

    public int NatRuleNumber { get; set; }

    public SyncState SyncState { get; set; } = SyncState.Pending;

    public string? LastError { get; set; }
}
