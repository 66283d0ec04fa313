namespace NatFunctions.Core.Provisioning;

public sealed record ValidatedProvision(
    string MachineId,
    string? MacAddress,
    string? Router,
    string? IpPool,
    IReadOnlyList<ForwardSpec> Forwards,
    string? Metadata);
