using System.Text.Json;
using NatFunctions.Core.Provisioning;
using NatFunctions.Http;

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
    JsonElement? Metadata)
{
    /// <summary>The use case's input; a <c>metadata</c> that is not an object (or null) is refused naming the field.</summary>
    public JsonBodyResult<ProvisionVmInput> ToInput()
    {
        if (Metadata is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            return Problems.BadRequest("The request is not valid.", new Dictionary<string, string[]> { ["metadata"] = ["must be a JSON object"] });
        }

        return new ProvisionVmInput(
            VmName,
            MacAddress,
            Router,
            IpPool,
            Ports,
            Forwards?.Select(f => f is null ? null : new ForwardInput(f.PortName, f.InternalPort, f.Protocol, f.ExternalPort, f.SourceIp, f.CustomDescription)).ToList(),
            Protocol,
            SourceIp,
            CustomDescription,
            Metadata is { ValueKind: JsonValueKind.Object } metadata ? metadata.GetRawText() : null);
    }
}
