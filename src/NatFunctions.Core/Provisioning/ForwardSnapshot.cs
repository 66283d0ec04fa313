using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Provisioning;

/// <summary>A forward's values before a change, kept so a change the router refuses can be taken back.</summary>
public sealed record ForwardSnapshot(
    ForwardProtocol Protocol,
    string? SourceIp,
    string? CustomDescription,
    int InternalPort,
    ForwardStatus Status,
    SyncState SyncState,
    string? LastError)
{
    public static ForwardSnapshot Of(PortForward forward) => new(
        forward.Protocol, forward.SourceIp, forward.CustomDescription, forward.InternalPort, forward.Status, forward.SyncState, forward.LastError);

    public void RestoreTo(PortForward forward)
    {
        forward.Protocol = Protocol;
        forward.SourceIp = SourceIp;
        forward.CustomDescription = CustomDescription;
        forward.InternalPort = InternalPort;
        forward.Status = Status;
        forward.SyncState = SyncState;
        forward.LastError = LastError;
    }
}
