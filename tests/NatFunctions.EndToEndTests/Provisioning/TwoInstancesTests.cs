using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Provisioning;

/// <summary>
/// P4: two app instances (two workers) and their timers racing on one router. Whatever the interleaving, every
/// request gets distinct values, the router ends up holding exactly what the database says (nothing lost, nothing
/// twice), and a burst still costs far fewer commits than requests.
/// </summary>
public sealed class TwoInstancesTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    private const int VmCount = 40;

    [Fact]
    public async Task Two_instances_and_their_timers_share_one_router_without_losing_or_doubling_anything()
    {
        await Task.WhenAll(
            fixture.First.WaitForOutputAsync("Sync of router local", TimeSpan.FromSeconds(60), CancellationToken.None),
            fixture.Second.WaitForOutputAsync("Sync of router local", TimeSpan.FromSeconds(60), CancellationToken.None));
        var commitsBefore = await fixture.CountRouterChangesAsync("Committed");

        var provisions = await Task.WhenAll(Enumerable.Range(0, VmCount).Select(i =>
            Client(i).PostJsonAsync("/v1/vms/provision", new { vm_name = $"two-{i:00}", mac_address = $"52:54:00:dd:00:{i:x2}" })));
        var commits = await fixture.CountRouterChangesAsync("Committed") - commitsBefore;

        Assert.All(provisions, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        Assert.InRange(commits, 1, VmCount / 2);
        var vms = await ListVmsAsync();
        Assert.Equal(VmCount, vms.Count);
        Assert.Equal(VmCount, vms.Select(vm => vm.GetProperty("internal_ip").GetString()).Distinct().Count());
        var forwards = vms.SelectMany(vm => vm.GetProperty("forwards").EnumerateArray()).ToList();
        Assert.Equal(3 * VmCount, forwards.Select(f => f.GetProperty("external_port").GetInt32()).Distinct().Count());
        Assert.Equal(3 * VmCount, forwards.Select(f => f.GetProperty("nat_rule_number").GetInt32()).Distinct().Count());
        await AssertRouterHoldsExactlyAsync(vms);

        // Decommission half of them, again split over both instances, while the timers keep running.
        var gone = await Task.WhenAll(Enumerable.Range(0, VmCount).Where(i => i % 2 == 0).Select(i =>
            Client(i + 1).DeleteAsync($"/v1/vms/two-{i:00}/decommission")));

        Assert.All(gone, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var remaining = await ListVmsAsync();
        Assert.Equal(VmCount / 2, remaining.Count);
        await AssertRouterHoldsExactlyAsync(remaining);

        // And the other instance, reading the router afresh, finds nothing to change.
        using var dryRun = await fixture.SecondAdmin.PostAsync("/v1/admin/sync-vyos-config?router=local&dry_run=true", content: null);
        var report = (await dryRun.ReadJsonAsync()).GetProperty("routers")[0];
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        Assert.Equal(0, report.GetProperty("added").GetArrayLength());
        Assert.Equal(0, report.GetProperty("updated").GetArrayLength());
        Assert.Equal(0, report.GetProperty("deleted").GetArrayLength());
        Assert.Equal(0, report.GetProperty("commands").GetArrayLength());
    }

    private HttpClient Client(int index) => index % 2 == 0 ? fixture.FirstAdmin : fixture.SecondAdmin;

    private async Task<List<JsonElement>> ListVmsAsync()
    {
        using var response = await fixture.FirstAdmin.GetAsync("/v1/vms?page_size=100");
        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body.GetProperty("items").EnumerateArray()
            .Where(vm => vm.GetProperty("machine_id").GetString()!.StartsWith("two-", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Every forward and mapping of these VMs is on the router with its values, and nothing else of ours is.</summary>
    private async Task AssertRouterHoldsExactlyAsync(IReadOnlyList<JsonElement> vms)
    {
        var lines = (await fixture.Router.ShowConfigurationCommandsAsync()).ToHashSet(StringComparer.Ordinal);
        var expectedDescriptions = 0;
        foreach (var vm in vms)
        {
            var machineId = vm.GetProperty("machine_id").GetString();
            var ip = vm.GetProperty("internal_ip").GetString();
            Assert.Equal("applied", vm.GetProperty("sync_state").GetString());
            foreach (var forward in vm.GetProperty("forwards").EnumerateArray())
            {
                var rule = $"set nat destination rule {forward.GetProperty("nat_rule_number").GetInt32()}";
                Assert.Contains($"{rule} description 'nf:{machineId}:{forward.GetProperty("port_name").GetString()}'", lines);
                Assert.Contains($"{rule} destination port '{forward.GetProperty("external_port").GetInt32()}'", lines);
                Assert.Contains($"{rule} translation address '{ip}'", lines);
                Assert.Contains($"{rule} translation port '{forward.GetProperty("internal_port").GetInt32()}'", lines);
                expectedDescriptions++;
            }

            var mapping = $"set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-{machineId}";
            Assert.Contains($"{mapping} ip-address '{ip}'", lines);
            Assert.Contains($"{mapping} mac-address '{vm.GetProperty("mac_address").GetString()}'", lines);
        }

        Assert.Equal(expectedDescriptions, lines.Count(line => line.Contains(" description 'nf:two-", StringComparison.Ordinal)));
        Assert.Equal(vms.Count, lines.Count(line => line.Contains("static-mapping nf-two-", StringComparison.Ordinal) && line.EndsWith("'", StringComparison.Ordinal) && line.Contains(" mac-address '", StringComparison.Ordinal)));
    }
}
