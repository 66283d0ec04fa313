using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.FirstRun;

/// <summary>A fresh install on embedded defaults provisions at once: its pools exist from the first start (decision 0024).</summary>
public sealed class EmbeddedDefaultsTests(EmbeddedDefaultsFixture fixture) : IClassFixture<EmbeddedDefaultsFixture>
{
    [Fact]
    public async Task The_first_provision_of_a_fresh_local_install_gets_an_address_and_a_port_without_creating_pools()
    {
        using var provisioned = await fixture.AdminClient.PostJsonAsync(
            "/v1/vms/provision", new { vm_name = "first-01", mac_address = "52:54:00:12:34:56", ports = new[] { "ssh" } });
        var vm = await provisioned.ReadJsonAsync();
        using var ipPools = await fixture.AdminClient.GetAsync("/v1/admin/ip-pools");
        var pools = await ipPools.ReadJsonAsync();

        Assert.True(provisioned.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, $"status {provisioned.StatusCode}");
        Assert.Equal("local", vm.GetProperty("router").GetString());
        Assert.Equal("192.168.64.100", vm.GetProperty("internal_ip").GetString());
        Assert.Equal(32000, vm.GetProperty("external_ports").GetProperty("ssh").GetInt32());
        Assert.Equal("lan", Assert.Single(pools.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }
}
