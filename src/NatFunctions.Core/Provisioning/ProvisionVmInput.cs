namespace NatFunctions.Core.Provisioning;

/// <summary>VMProvisionRequest as the caller wrote it (unvalidated). <see cref="Ports"/> null means the three template ports.</summary>
public sealed record ProvisionVmInput(
    string? VmName,
    string? MacAddress,
    string? Router,
    string? IpPool,
    IReadOnlyList<string?>? Ports,
    IReadOnlyList<ForwardInput?>? Forwards,
    string? Protocol,
    string? SourceIp,
    string? CustomDescription,
    string? Metadata);
