namespace NatFunctions.Core.Provisioning;

/// <summary>PortActionRequest as the caller wrote it (unvalidated).</summary>
public sealed record PortActionInput(
    string? Action,
    IReadOnlyList<string?>? Ports,
    string? Protocol,
    string? SourceIp,
    string? CustomDescription,
    int? InternalPort,
    int? ExternalPort);
