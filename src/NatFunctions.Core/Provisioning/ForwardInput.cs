namespace NatFunctions.Core.Provisioning;

/// <summary>A custom forward as the caller wrote it (unvalidated).</summary>
public sealed record ForwardInput(
    string? PortName,
    int? InternalPort,
    string? Protocol,
    int? ExternalPort,
    string? SourceIp,
    string? CustomDescription);
