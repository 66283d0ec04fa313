using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Provisioning;

/// <summary>
/// P3 end to end over the real transport: LocalHost + worker + sshd + simulator + Azurite blob leases. The burst of
/// 100, every fault and the exact router lines run on this shape too (ProvisioningTests, RouterFaultTests).
/// </summary>
public sealed class SshAzuriteProvisioningTests(SshAzuriteProvisioningFixture fixture) : IClassFixture<SshAzuriteProvisioningFixture>
{
    [Fact]
    public async Task Health_reports_storage_and_the_ssh_router()
    {
        // Anonymous health answers the status only (decision 0021); the components are for a reader key or higher.
        var health = await (await fixture.AdminClient.GetAsync("/v1/health")).ReadJsonAsync();

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("storage").GetString());
        Assert.Equal("ok", health.GetProperty("routers").GetProperty("local").GetString());
    }

    [Fact]
    public async Task Decommission_over_ssh_leaves_no_trace()
    {
        Assert.Equal(HttpStatusCode.Created, (await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "ssh-gone", mac_address = "52:54:00:cc:00:01" })).StatusCode);

        var response = await fixture.AdminClient.DeleteAsync("/v1/vms/ssh-gone/decommission");
        var lines = await fixture.Router.ShowConfigurationCommandsAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(lines, line => line.Contains("ssh-gone", StringComparison.Ordinal));
    }
}
