using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;
using NatFunctions.EndToEndTests.Views;

namespace NatFunctions.EndToEndTests.Sync;

/// <summary>
/// The held-back real-config check end to end: the real worker, the API, and a simulated router holding a real-looking
/// configuration. A dry run plans nothing for it; a provision adds only our objects; afterwards a dry run is empty.
/// </summary>
public sealed class RealConfigEndToEndTests(RealConfigLocalHostFixture fixture) : IClassFixture<RealConfigLocalHostFixture>
{
    private static readonly int[] ForeignRulesInRange = [10000, 10010, 10011, 10012, 10013, 19999];

    [Fact]
    public async Task A_dry_run_plans_nothing_a_provision_adds_only_ours_and_the_foreign_configuration_stays_byte_identical()
    {
        var router = new SimulatedRouter(fixture.RouterStateDirectory, "1.5");
        var before = await router.ShowConfigurationCommandsAsync();

        var first = await DryRunAsync();
        var vm = await ProvisionedVm.CreateAsync(fixture.AdminClient, "real-config-vm", "02:00:00:00:0e:01");
        var second = await DryRunAsync();
        var after = await router.ShowConfigurationCommandsAsync();

        Assert.Equal("dry_run", first.GetProperty("result").GetString());
        AssertPlansNothing(first);
        AssertPlansNothing(second);
        Assert.DoesNotContain(vm.InternalIp, new[] { "192.168.64.10", "192.168.64.11" });
        Assert.All(vm.ExternalPorts.Values, port => Assert.False(port is >= 32000 and <= 32004 or 32010, $"port {port} belongs to a foreign rule"));
        var ours = after.Where(line => line.Contains("'nf:real-config-vm:", StringComparison.Ordinal) || line.Contains(" static-mapping nf-real-config-vm ", StringComparison.Ordinal)).ToList();
        var ourRules = ours.Where(line => line.StartsWith("set nat destination rule ", StringComparison.Ordinal)).Select(line => line.Split(' ')[4]).ToHashSet();
        Assert.Equal(2, ourRules.Count);
        Assert.Equal(before, after.Where(line => !ourRules.Any(rule => line.StartsWith($"set nat destination rule {rule} ", StringComparison.Ordinal))
            && !line.Contains(" static-mapping nf-real-config-vm ", StringComparison.Ordinal)));
    }

    private static void AssertPlansNothing(JsonElement report)
    {
        Assert.Empty(report.GetProperty("added").EnumerateArray());
        Assert.Empty(report.GetProperty("updated").EnumerateArray());
        Assert.Empty(report.GetProperty("deleted").EnumerateArray());
        Assert.Empty(report.GetProperty("commands").EnumerateArray());
        Assert.Equal(ForeignRulesInRange, report.GetProperty("unmanaged").EnumerateArray().Select(rule => rule.GetProperty("rule_number").GetInt32()));
    }

    private async Task<JsonElement> DryRunAsync()
    {
        using var response = await fixture.AdminClient.PostAsync("/v1/admin/sync-vyos-config?router=local&dry_run=true", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("routers").EnumerateArray().Single();
    }
}
