using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// commit-confirm on the simulated transport (the simulator process over stdio): the applier confirms only a read-back
/// that matches its plan; anything else is left for VyOS to revert.
/// </summary>
public sealed class CommitConfirmTests
{
    // A revert on 1.3/1.4 reboots the router (equuleus vyatta-cfg commit-confirm, sagitta:python/vyos/config_mgmt.py
    // commit_confirm); keep the simulated reboot short so the test's next login finds the router up.
    private const int RebootMs = 200;

    // Long enough for a session to read back and confirm on a loaded machine.
    private const int MinuteMs = 5_000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PastTheMinute = TimeSpan.FromMilliseconds(MinuteMs + 500);

    [Fact]
    public async Task A_read_back_that_matches_the_plan_is_confirmed_and_survives_the_minute()
    {
        await using var rig = await StartAsync();
        await rig.WriteFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.AddVmAsync("vm-a", "192.168.64.10", "02:00:00:00:00:0a", ApplierRig.Forward(10000, "ssh", 32000, 22), ApplierRig.Forward(10001, "http", 32001, 80));

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await Task.Delay(PastTheMinute);

        var change = Assert.Single(await rig.ChangesAsync());
        Assert.Equal(ChangeResult.Committed, change.Result);
        Assert.Contains("Initialized commit-confirm; 1 minutes to confirm before reboot", change.RouterOutput, StringComparison.Ordinal);
        Assert.Contains("Reboot timer stopped", change.RouterOutput, StringComparison.Ordinal);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 2);
    }

    [Fact]
    public async Task A_read_back_that_differs_from_the_plan_is_not_confirmed_the_router_reverts_and_the_rows_stay_pending()
    {
        await using var rig = await StartAsync();
        await rig.WriteFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}, "concurrentSetsAfterCommit": ["set nat destination rule 10001 disable"]}""");
        await rig.AddVmAsync("vm-a", "192.168.64.10", "02:00:00:00:00:0a", ApplierRig.Forward(10000, "ssh", 32000, 22), ApplierRig.Forward(10001, "http", 32001, 80));

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await rig.WriteFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await Task.Delay(PastTheMinute);
        var reverted = await rig.RouterLinesAsync("set ");
        var pending = await rig.ForwardsAsync();
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);

        // The read-back showed the concurrent change; once the timer ran out the commit was gone, as after VyOS's revert.
        Assert.Empty(reverted);
        Assert.All(pending, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(pending, forward => Assert.StartsWith(
            "the configuration read back after 'commit-confirm 1' does not match the plan (nat destination rule 10001 differs in disable); not confirmed, so the router reverts it within 1 minute",
            forward.LastError,
            StringComparison.Ordinal));
        var changes = await rig.ChangesAsync();
        Assert.Equal([ChangeResult.NotConfirmed, ChangeResult.Committed], changes.Select(change => change.Result));
        // The audit log says why, but holds none of the configuration read back.
        Assert.Contains("not as planned: nat destination rule 10001 differs in disable", changes[0].RouterOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("set nat destination rule 10001 disable", changes[0].RouterOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("timer stopped", changes[0].RouterOutput, StringComparison.Ordinal);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 2);
    }

    [Fact]
    public async Task The_driver_does_not_confirm_or_save_when_the_caller_rejects_the_read_back()
    {
        await using var rig = await StartAsync();
        await rig.WriteFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        var commands = NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22);
        string? seen = null;

        var result = await rig.Client.ApplyAsync(
            new RouterChangeRequest(commands, commitConfirmMinutes: 1) { ReadBackProblem = readBack => { seen = readBack; return "the test says no"; } },
            CancellationToken.None);
        await Task.Delay(PastTheMinute);

        Assert.Equal(RouterSessionOutcome.NotConfirmed, result.Outcome);
        Assert.Contains("(the test says no)", result.Message, StringComparison.Ordinal);
        Assert.Equal("commit-confirm 1", result.FailedCommand);
        Assert.False(result.Saved);
        Assert.Equal(commands, NatRuleCommands.ConfigLines(seen!).Where(line => line.StartsWith("set nat ", StringComparison.Ordinal)));
        Assert.Equal(seen, result.ReadBack);
        Assert.DoesNotContain("timer stopped", result.Transcript, StringComparison.Ordinal);
        // Reverted to the boot configuration: the operator's LAN only.
        Assert.Equal(ApplierRig.LanRouterConfig(rig.Router.VyosVersion).TrimEnd('\n'), await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task While_an_earlier_commit_confirm_waits_for_confirm_a_new_commit_confirm_is_lock_busy_and_commits_nothing()
    {
        await using var rig = await StartAsync();
        await rig.WriteFaultsAsync("""{"minuteMs": 60000}""");
        await rig.Client.ApplyAsync(
            new RouterChangeRequest(NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22), commitConfirmMinutes: 1) { ReadBackProblem = _ => "left unconfirmed" },
            CancellationToken.None);

        var second = await rig.Client.ApplyAsync(
            new RouterChangeRequest(NatRuleCommands.PortForward(10001, 32001, "192.168.64.11", 22), commitConfirmMinutes: 1), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.LockBusy, second.Outcome);
        Assert.Contains("Another confirm is pending", second.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("rule 10001", await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None), StringComparison.Ordinal);
    }

    private static Task<ApplierRig> StartAsync() =>
        ApplierRig.StartAsync(adjustRouter: router => router with { CommitConfirmMinutes = 1 });
}
