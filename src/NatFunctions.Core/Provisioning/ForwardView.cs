using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Provisioning;

public sealed record ForwardView(
    string PortName,
    string Protocol,
    int InternalPort,
    int ExternalPort,
    string? SourceIp,
    string? CustomDescription,
    ForwardStatus Status,
    int NatRuleNumber,
    SyncState SyncState,
    string? LastError)
{
    public static ForwardView From(PortForward forward) => new(
        forward.PortName,
        ProtocolNames.ToName(forward.Protocol),
        forward.InternalPort,
        forward.ExternalPort,
        forward.SourceIp,
        forward.CustomDescription,
        forward.Status,
        forward.NatRuleNumber,
        forward.SyncState,
        forward.LastError);
}
