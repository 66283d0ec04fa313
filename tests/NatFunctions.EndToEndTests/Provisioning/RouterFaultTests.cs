using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Provisioning;

/// <summary>
/// Writes while the router refuses or cannot be reached: nothing half-done, nothing lost. Over sshd + simulator +
/// Azurite, so "cannot be reached" is a real SSH connection the router closes.
/// </summary>
public sealed class RouterFaultTests(SshAzuriteProvisioningFixture fixture) : IClassFixture<SshAzuriteProvisioningFixture>
{
    [Fact]
    public async Task A_change_the_router_rejects_is_422_with_its_message_and_leaves_nothing_behind()
    {
        var before = await fixture.Router.ShowConfigurationCommandsAsync();
        await fixture.Router.SetFaultsAsync("""{"failCommit":"Destination NAT configuration error: simulated refusal"}""");
        try
        {
            var response = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "refused-01", ports = new[] { "ssh" } });
            var problem = await response.ReadJsonAsync();

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("simulated refusal", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await fixture.AdminClient.GetAsync("/v1/vms/refused-01")).StatusCode);
            Assert.Equal(before, await fixture.Router.ShowConfigurationCommandsAsync());
        }
        finally
        {
            await fixture.Router.SetFaultsAsync(null);
        }

        var retry = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "refused-01", ports = new[] { "ssh" } });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [Fact]
    public async Task While_the_router_is_down_writes_are_202_pending_and_a_sync_applies_them_once_it_is_back()
    {
        await fixture.Router.SetFaultsAsync("""{"dropAfterCommands":0}""");
        HttpResponseMessage response;
        try
        {
            response = await fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = "offline-01", ports = new[] { "ssh", "http" } });
            var pending = await response.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal("pending", pending.GetProperty("sync_state").GetString());
            Assert.All(pending.GetProperty("forwards").EnumerateArray(), f => Assert.False(string.IsNullOrEmpty(f.GetProperty("last_error").GetString())));
        }
        finally
        {
            await fixture.Router.SetFaultsAsync(null);
        }

        var sync = await fixture.AdminClient.PostAsync("/v1/admin/sync-vyos-config?router=local", content: null);
        var vm = await (await fixture.AdminClient.GetAsync("/v1/vms/offline-01")).ReadJsonAsync();
        var lines = await fixture.Router.ShowConfigurationCommandsAsync();

        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        Assert.Equal("applied", vm.GetProperty("sync_state").GetString());
        Assert.Equal(2, lines.Count(line => line.Contains(" description 'nf:offline-01:", StringComparison.Ordinal)));
    }
}
