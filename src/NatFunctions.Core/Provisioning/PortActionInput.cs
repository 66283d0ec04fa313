namespace NatFunctions.Core.Provisioning;

/// <summary>
/// PortActionRequest as the caller wrote it (unvalidated). A null value means the field was absent or JSON null;
/// <see cref="ClearSourceIp"/> and <see cref="ClearCustomDescription"/> say it was an explicit JSON null, which
/// <c>update</c> takes as "remove the value".
/// </summary>
public sealed record PortActionInput(
    string? Action,
    IReadOnlyList<string?>? Ports,
    string? Protocol,
    string? SourceIp,
    string? CustomDescription,
    int? InternalPort,
    int? ExternalPort,
    bool ClearSourceIp = false,
    bool ClearCustomDescription = false);
