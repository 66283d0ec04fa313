using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Provisioning;

/// <summary>A port action whose fields all apply to it. The Clear flags are only ever set for <c>update</c>.</summary>
public sealed record ValidatedPortAction(
    PortAction Action,
    IReadOnlyList<string> PortNames,
    ForwardProtocol? Protocol,
    string? SourceIp,
    string? CustomDescription,
    int? InternalPort,
    int? ExternalPort,
    bool ClearSourceIp = false,
    bool ClearCustomDescription = false);
