using System.Text.Json;

namespace NatFunctions.Contracts;

/// <summary>Body of POST /v1/vms/provision. Protocol, source and description are defaults for every forward.</summary>
public sealed record VmProvisionRequest(
    string? VmName,
    string? MacAddress,
    string? Router,
    string? IpPool,
    IReadOnlyList<string?>? Ports,
    IReadOnlyList<ForwardRequest?>? Forwards,
    string? Protocol,
    string? SourceIp,
    string? CustomDescription,
    JsonElement? Metadata);
