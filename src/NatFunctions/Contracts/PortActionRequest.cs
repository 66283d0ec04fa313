namespace NatFunctions.Contracts;

public sealed record PortActionRequest(
    string? Action,
    IReadOnlyList<string?>? Ports,
    string? Protocol,
    string? SourceIp,
    string? CustomDescription,
    int? InternalPort,
    int? ExternalPort);
