namespace NatFunctions.Contracts;

public sealed record ForwardRequest(
    string? PortName,
    int? InternalPort,
    string? Protocol,
    int? ExternalPort,
    string? SourceIp,
    string? CustomDescription);
