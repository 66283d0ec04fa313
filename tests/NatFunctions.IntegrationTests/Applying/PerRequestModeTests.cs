using NatFunctions.Core.Domain;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// <c>Apply:Mode</c> per-request is the one-commit-per-request baseline: a caller's session carries only its own VM's
/// changes, so other callers' pending rows neither ride along nor get marked applied.
/// </summary>
public sealed class PerRequestModeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_per_request_session_sends_and_marks_only_the_callers_vm()
    {
        await using var rig = await ApplierRig.StartAsync(new Dictionary<string, string?> { ["Apply:Mode"] = "per-request" });
        await rig.AddVmAsync("vm-a", "192.168.64.10", "02:00:00:00:00:0a", ApplierRig.Forward(10000, "ssh", 32000, 22));
        await rig.AddVmAsync("vm-b", "192.168.64.11", "02:00:00:00:00:0b", ApplierRig.Forward(10001, "ssh", 32001, 22));

        var finished = await rig.Applier.ApplyPendingAsync("edge", "vm-a", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);

        Assert.True(finished);
        var rules = await rig.RouterLinesAsync("set nat destination rule ");
        Assert.Contains("set nat destination rule 10000 description 'nf:vm-a:ssh'", rules);
        Assert.DoesNotContain(rules, line => line.StartsWith("set nat destination rule 10001 ", StringComparison.Ordinal));
        var mappings = await rig.RouterLinesAsync("set service dhcp-server ");
        Assert.Contains(mappings, line => line.Contains("static-mapping nf-vm-a ", StringComparison.Ordinal));
        Assert.DoesNotContain(mappings, line => line.Contains("vm-b", StringComparison.Ordinal));
        var forwards = await rig.ForwardsAsync();
        Assert.Equal(SyncState.Applied, forwards.Single(f => f.NatRuleNumber == 10000).SyncState);
        Assert.Equal(SyncState.Pending, forwards.Single(f => f.NatRuleNumber == 10001).SyncState);
    }

    [Fact]
    public async Task Each_request_pays_for_its_own_commit()
    {
        await using var rig = await ApplierRig.StartAsync(new Dictionary<string, string?> { ["Apply:Mode"] = "per-request" });
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22));
        await rig.AddVmAsync("vm-b", "192.168.64.11", null, ApplierRig.Forward(10001, "ssh", 32001, 22));
        await rig.AddVmAsync("vm-c", "192.168.64.12", null, ApplierRig.Forward(10002, "ssh", 32002, 22));

        await Task.WhenAll(new[] { "vm-a", "vm-b", "vm-c" }.Select(machine =>
            rig.Applier.ApplyPendingAsync("edge", machine, ChangeTrigger.Api, machine, Wait, CancellationToken.None)));

        var committed = (await rig.ChangesAsync()).Where(change => change.Result == ChangeResult.Committed).ToList();
        Assert.Equal(3, committed.Count);
        Assert.All(committed, change => Assert.Equal(6, change.Commands.Split('\n').Length));
        Assert.All(await rig.ForwardsAsync(), forward => Assert.Equal(SyncState.Applied, forward.SyncState));
    }
}
