using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Provisioning;

/// <summary>P3 end to end over the real transport: LocalHost + worker + sshd + simulator + Azurite blob leases.</summary>
public sealed class SshAzuriteProvisioningTests(SshAzuriteProvisioningFixture fixture) : IClassFixture<SshAzuriteProvisioningFixture>
{
    [Fact]
    public async Task Health_reports_storage_and_the_ssh_router()
    {
        var health = await (await fixture.Client.GetAsync("/v1/health")).ReadJsonAsync();

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("storage").GetString());
        Assert.Equal("ok", health.GetProperty("routers").GetProperty("local").GetString());
    }

    [Fact]
    public async Task A_burst_of_provisions_over_ssh_lands_on_the_router_in_a_few_commits()
    {
        var commitsBefore = await fixture.CountRouterChangesAsync("Committed");

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            fixture.AdminClient.PostJsonAsync("/v1/vms/provision", new { vm_name = $"ssh-{i:00}", mac_address = $"52:54:00:bb:00:{i:x2}" })));
        var commits = await fixture.CountRouterChangesAsync("Committed") - commitsBefore;
        var lines = await fixture.Router.ShowConfigurationCommandsAsync();

        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Created), string.Join("\n", fixture.Host.Output.Split('\n').Where(l => l.Contains("xception", StringComparison.Ordinal) || l.Contains("fail:", StringComparison.Ordinal)).Take(20)));
        Assert.Equal(120, lines.Count(line => line.Contains(" description 'nf:ssh-", StringComparison.Ordinal)));
        Assert.Equal(40, lines.Count(line => line.Contains("static-mapping nf-ssh-", StringComparison.Ordinal) && line.Contains(" mac '", StringComparison.Ordinal)));
        Assert.InRange(commits, 1, 6);
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
