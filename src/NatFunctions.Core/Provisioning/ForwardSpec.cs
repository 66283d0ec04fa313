using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Provisioning;

/// <summary>A validated forward, before allocation. <see cref="ExternalPort"/> null means "allocate one".</summary>
public sealed record ForwardSpec(
    string PortName,
    ForwardProtocol Protocol,
    int InternalPort,
    int? ExternalPort,
    string? SourceIp,
    string? CustomDescription);
