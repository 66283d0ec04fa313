using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Views;

/// <summary>
/// Through the real worker, next to the fixture's foreign rules (10500 on port 8080 inside the managed range, 100 on
/// port 2222 outside it) and foreign DHCP mapping (<c>printer</c>, 192.168.64.7): allocation avoids them and a sync
/// never plans anything for them.
/// </summary>
[Collection(ViewsCollection.Name)]
public sealed class ForeignObjectEndToEndTests(ViewsLocalHostFixture fixture)
{
    [Fact]
    public async Task A_provisioned_vm_gets_values_clear_of_foreign_objects_and_a_sync_plans_nothing_for_them()
    {
        var vm = await ProvisionedVm.CreateAsync(fixture.AdminClient, "foreign-neighbour", "02:00:00:00:0f:01");

        using var response = await fixture.AdminClient.PostAsync("/v1/admin/sync-vyos-config?router=local&dry_run=true", null);
        var report = (await response.ReadJsonAsync()).GetProperty("routers").EnumerateArray().Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("192.168.64.7", vm.InternalIp);
        Assert.DoesNotContain(8080, vm.ExternalPorts.Values);
        Assert.DoesNotContain(2222, vm.ExternalPorts.Values);
        Assert.Contains(ViewsLocalHostFixture.ForeignRuleInRange, report.GetProperty("unmanaged").EnumerateArray().Select(rule => rule.GetProperty("rule_number").GetInt32()));
        var touched = new[] { "added", "updated", "deleted" }
            .SelectMany(kind => report.GetProperty(kind).EnumerateArray())
            .Select(change => change.GetProperty("rule_number"))
            .Where(number => number.ValueKind == JsonValueKind.Number)
            .Select(number => number.GetInt32());
        Assert.DoesNotContain(ViewsLocalHostFixture.ForeignRuleInRange, touched);
        Assert.DoesNotContain(ViewsLocalHostFixture.ForeignRuleOutsideRange, touched);
        Assert.All(report.GetProperty("commands").EnumerateArray().Select(command => command.GetString()!), command =>
        {
            Assert.DoesNotContain(" rule 10500 ", command, StringComparison.Ordinal);
            Assert.DoesNotContain(" rule 100 ", command, StringComparison.Ordinal);
            Assert.DoesNotContain("printer", command, StringComparison.Ordinal);
        });
    }
}
