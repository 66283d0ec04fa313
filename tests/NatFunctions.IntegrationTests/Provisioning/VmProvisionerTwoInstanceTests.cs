using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Results;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Leases;

namespace NatFunctions.IntegrationTests.Provisioning;

/// <summary>
/// Two app instances (separate containers, so separate in-process allocation gates) on one SQLite file and one
/// router, sharing a blob lease as in production. Neither sees the other's allocation until it saves, so they race
/// for the same lowest free values; the unique indexes plus the bounded retry must hand every request distinct values.
/// </summary>
public sealed class VmProvisionerTwoInstanceTests
{
    private static readonly Caller Operator = new("ops", ApiRole.Operator, "test");

    [Fact]
    public async Task Concurrent_provisions_and_port_creations_on_two_instances_all_get_distinct_values()
    {
        using var azurite = new AzuriteProcess();
        var settings = new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString, ["Apply:WaitSeconds"] = "120" };
        await using var rig = await ApplierRig.StartAsync(settings);
        var instances = new[] { rig.Main, rig.StartInstance(settings) };
        await using (var db = rig.CreateContext())
        {
            db.PortPools.Add(new PortPool { Name = "ext", Router = "edge", StartPort = 32000, EndPort = 32999 });
            await db.SaveChangesAsync();
        }

        const int Vms = 16;
        var provisions = await Task.WhenAll(Enumerable.Range(0, Vms).Select(i => Task.Run(async () =>
        {
            await using var scope = instances[i % 2].CreateScope();
            var input = new ProvisionVmInput($"vm-{i:00}", null, null, null, ["ssh", "http"], null, null, null, null, null);
            return await scope.ServiceProvider.GetRequiredService<VmProvisioner>().ProvisionAsync(input, Operator, CancellationToken.None);
        })));
        // Each VM gets its custom forward through the instance that did not provision it.
        var creations = await Task.WhenAll(Enumerable.Range(0, Vms).Select(i => Task.Run(async () =>
        {
            await using var scope = instances[(i + 1) % 2].CreateScope();
            var input = new PortActionInput("create", null, "udp", null, null, 9000, null);
            return await scope.ServiceProvider.GetRequiredService<PortActionService>().ApplyAsync($"vm-{i:00}", "api", input, Operator, CancellationToken.None);
        })));

        AssertAllApplied(provisions);
        AssertAllApplied(creations);
        var forwards = await rig.ForwardsAsync();
        Assert.Equal(3 * Vms, forwards.Count);
        Assert.Equal(3 * Vms, forwards.Select(f => f.ExternalPort).Distinct().Count());
        Assert.Equal(3 * Vms, forwards.Select(f => f.NatRuleNumber).Distinct().Count());
        Assert.All(forwards, f => Assert.InRange(f.ExternalPort, 32000, 32999));
        await using (var db = rig.CreateContext())
        {
            Assert.Equal(Vms, db.Vms.Select(vm => vm.InternalIp).Distinct().Count());
        }

        var rules = await rig.RouterLinesAsync("set nat destination rule ");
        Assert.Equal(3 * Vms, rules.Count(line => line.Contains(" description 'nf:vm-", StringComparison.Ordinal)));
    }

    private static void AssertAllApplied(IEnumerable<OperationResult<WriteOutcome>> results) => Assert.All(results, result =>
    {
        Assert.True(result.Succeeded, result.Error?.Detail);
        Assert.Equal(ApplyState.Applied, result.Value!.State);
    });
}
