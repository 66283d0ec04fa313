using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Views;

/// <summary>A VM provisioned on <c>local</c> for a test, as the provision response described it.</summary>
public sealed record ProvisionedVm(string MachineId, string InternalIp, IReadOnlyDictionary<string, int> ExternalPorts)
{
    public static async Task<ProvisionedVm> CreateAsync(HttpClient client, string machineId, string? macAddress = null)
    {
        using var response = await client.PostJsonAsync(
            "/v1/vms/provision",
            new { vm_name = machineId, router = "local", mac_address = macAddress, ports = new[] { "ssh", "http" } });
        var body = await response.ReadJsonAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Provisioning {machineId} answered {(int)response.StatusCode}: {body}");
        }

        return From(body);
    }

    public static ProvisionedVm From(JsonElement body) => new(
        body.GetProperty("machine_id").GetString()!,
        body.GetProperty("internal_ip").GetString()!,
        body.GetProperty("external_ports").EnumerateObject().ToDictionary(port => port.Name, port => port.Value.GetInt32()));
}
