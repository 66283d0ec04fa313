using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;

namespace NatFunctions.Contracts;

public sealed record ForwardResponse(
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
    public static ForwardResponse From(ForwardView forward) => new(
        forward.PortName, forward.Protocol, forward.InternalPort, forward.ExternalPort, forward.SourceIp,
        forward.CustomDescription, forward.Status, forward.NatRuleNumber, forward.SyncState, forward.LastError);
}
