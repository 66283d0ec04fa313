using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Provisioning;

public sealed record ValidatedPortAction(
    PortAction Action,
    IReadOnlyList<string> PortNames,
    ForwardProtocol? Protocol,
    string? SourceIp,
    string? CustomDescription,
    int? InternalPort,
    int? ExternalPort);
