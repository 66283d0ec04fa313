using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// Sessions cut off after their commit took effect, when no pending row is left to show it (a delete, a drift repair)
/// or at the last steps of commit-confirm: the next run must still confirm and save, so the change neither reverts
/// when the commit-confirm timer runs out nor disappears at the next reboot.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class UnfinishedCommitTests(SimulatedVyosSshServer server)
{
    // A revert on 1.3/1.4 reboots the router (equuleus vyatta-cfg commit-confirm, sagitta:python/vyos/config_mgmt.py
    // commit_confirm); keep the simulated reboot short so the test's next login finds the router up.
    private const int RebootMs = 200;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    // A simulated minute long enough for the next run to read and confirm on a loaded machine.
    private const int MinuteMs = 10_000;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_delete_cut_off_after_its_commit_is_confirmed_and_saved_by_the_next_run_and_stays_deleted(int commitConfirmMinutes)
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes);
        await SshApplierRig.AddTwoVmsAsync(rig);
        await server.SetFaultsAsync(Faults(commitConfirmMinutes, dropAfterCommit: false));
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await using (var db = rig.CreateContext())
        {
            await db.Vms.Where(vm => vm.MachineId == "vm-b").ExecuteDeleteAsync();
        }

        await server.SetFaultsAsync(Faults(commitConfirmMinutes, dropAfterCommit: true));
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await server.SetFaultsAsync(Faults(commitConfirmMinutes, dropAfterCommit: false));
        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);
        await PastTheConfirmWindowAsync(commitConfirmMinutes);

        var changes = await rig.ChangesAsync();
        Assert.Equal(ChangeResult.TransportError, changes[^2].Result);
        Assert.Contains("delete nat destination rule 10002", changes[^2].Commands, StringComparison.Ordinal);
        AssertFinishedBy(changes[^1], commitConfirmMinutes);
        Assert.Empty(await rig.RouterLinesAsync("set nat destination rule 10002 "));
        Assert.DoesNotContain("rule 10002", await SavedConfigAsync(), StringComparison.Ordinal);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_drift_repair_cut_off_after_its_commit_is_confirmed_and_saved_by_the_next_run_and_stays_repaired(int commitConfirmMinutes)
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes);
        await SshApplierRig.AddTwoVmsAsync(rig);
        await server.SetFaultsAsync(Faults(commitConfirmMinutes, dropAfterCommit: false));
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        // Someone edits a managed rule by hand (committed and saved), so the saved config holds the drift too.
        var byHand = await rig.Client.ApplyAsync(new RouterChangeRequest(["set nat destination rule 10000 translation port '2222'"]), CancellationToken.None);
        Assert.Equal(RouterSessionOutcome.Committed, byHand.Outcome);

        await server.SetFaultsAsync(Faults(commitConfirmMinutes, dropAfterCommit: true));
        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);
        await server.SetFaultsAsync(Faults(commitConfirmMinutes, dropAfterCommit: false));
        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);
        await PastTheConfirmWindowAsync(commitConfirmMinutes);

        var changes = await rig.ChangesAsync();
        Assert.Equal(ChangeResult.TransportError, changes[^2].Result);
        Assert.Contains("set nat destination rule 10000 translation port '22'", changes[^2].Commands, StringComparison.Ordinal);
        AssertFinishedBy(changes[^1], commitConfirmMinutes);
        Assert.Equal(["set nat destination rule 10000 translation port '22'"], await rig.RouterLinesAsync("set nat destination rule 10000 translation port "));
        Assert.Contains("set nat destination rule 10000 translation port '22'", await SavedConfigAsync(), StringComparison.Ordinal);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }

    [Theory]
    [InlineData(SessionStep.ReadBack)]
    [InlineData(SessionStep.Confirm)]
    public async Task A_commit_confirm_session_cut_off_at_its_last_steps_is_finished_by_the_next_run(SessionStep step)
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes: 1);
        await SshApplierRig.AddTwoVmsAsync(rig);
        // Every field the agreement compares, so a finish that confirmed the wrong thing would show.
        var special = ApplierRig.Forward(10003, "dns", 32003, 53);
        special.Protocol = ForwardProtocol.Udp;
        special.SourceIp = "203.0.113.7";
        special.Status = ForwardStatus.Disabled;
        await rig.AddVmAsync("vm-c", "192.168.64.12", null, special);
        var dropAfter = await SshApplierRig.DropAfterAsync(rig, step);

        await server.SetFaultsAsync($$"""{"dropAfterCommands": {{dropAfter}}, "minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var afterDrop = await rig.ForwardsAsync();
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);
        await PastTheConfirmWindowAsync(1);

        Assert.All(afterDrop, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(afterDrop, forward => Assert.Contains(
            step == SessionStep.ReadBack ? "connection lost after commit-confirm and before confirm" : "connection lost while sending 'confirm'",
            forward.LastError,
            StringComparison.Ordinal));
        var changes = await rig.ChangesAsync();
        Assert.Equal(ChangeResult.TransportError, changes[0].Result);
        Assert.Contains(step == SessionStep.ReadBack ? "[output not recorded" : "configuration lines read", changes[0].RouterOutput, StringComparison.Ordinal);
        AssertFinishedBy(Assert.Single(changes.Skip(1)), commitConfirmMinutes: 1);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 4);
        SshFaultTests.AssertEachRuleSentOnce(changes);
    }

    [Fact]
    public async Task After_a_finished_commit_later_runs_with_nothing_to_do_send_nothing()
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes: 1);
        await SshApplierRig.AddTwoVmsAsync(rig);
        await server.SetFaultsAsync($$"""{"dropAfterCommit": true, "minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");

        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);
        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);

        var changes = await rig.ChangesAsync();
        Assert.Equal(
            [(ChangeResult.TransportError, true), (ChangeResult.NoChange, true), (ChangeResult.NoChange, false)],
            changes.Select(change => (change.Result, change.Commands.Length > 0)));
        Assert.Equal("confirm\nsave", changes[1].Commands);
    }

    [Fact]
    public async Task New_work_after_a_commit_confirm_cut_off_before_confirm_first_confirms_it_then_is_applied()
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes: 1);
        await SshApplierRig.AddTwoVmsAsync(rig);
        var dropAfter = await SshApplierRig.DropAfterAsync(rig, SessionStep.CommitConfirm);
        await server.SetFaultsAsync($$"""{"dropAfterCommands": {{dropAfter}}, "minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");

        await rig.AddVmAsync("vm-c", "192.168.64.12", "02:00:00:00:00:0c", ApplierRig.Forward(10003, "dns", 32003, 53));
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await PastTheConfirmWindowAsync(1);

        // Confirmed before the new commit-confirm, so no "Another confirm is pending" and nothing reverted.
        var changes = await rig.ChangesAsync();
        Assert.Equal([ChangeResult.TransportError, ChangeResult.NoChange, ChangeResult.Committed], changes.Select(change => change.Result));
        Assert.EndsWith("\ncommit-confirm 1", changes[0].Commands, StringComparison.Ordinal);
        AssertFinishedBy(changes[1], commitConfirmMinutes: 1);
        Assert.All(changes[2].Commands.Split('\n'), line => Assert.True(line.Contains(" rule 10003 ", StringComparison.Ordinal) || line.Contains("vm-c", StringComparison.Ordinal), line));
        Assert.All(await rig.ForwardsAsync(), forward => Assert.Equal(SyncState.Applied, forward.SyncState));
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 4);
    }

    [Fact]
    public async Task New_work_does_not_confirm_an_earlier_commit_confirm_whose_objects_the_plan_still_wants_changed()
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes: 1);
        await SshApplierRig.AddTwoVmsAsync(rig);
        var dropAfter = await SshApplierRig.DropAfterAsync(rig, SessionStep.CommitConfirm);
        await server.SetFaultsAsync($$"""{"dropAfterCommands": {{dropAfter}}, "minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        // The wish changed while the commit waits for confirm: it no longer holds what is planned for rule 10002.
        await using (var db = rig.CreateContext())
        {
            await db.PortForwards.Where(forward => forward.NatRuleNumber == 10002).ExecuteUpdateAsync(set => set.SetProperty(forward => forward.InternalPort, 2222));
        }

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await PastTheConfirmWindowAsync(1);
        var reverted = await rig.RouterLinesAsync("set nat destination rule 1000");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);

        var changes = await rig.ChangesAsync();
        Assert.Equal([ChangeResult.TransportError, ChangeResult.LockBusy, ChangeResult.Committed], changes.Select(change => change.Result));
        Assert.Empty(reverted);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }

    [Fact]
    public async Task A_session_cut_off_before_its_commit_does_not_make_the_next_run_confirm_someone_elses_commit_confirm()
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes: 1);
        await SshApplierRig.AddTwoVmsAsync(rig);
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var byHand = await rig.Client.ApplyAsync(new RouterChangeRequest(["set nat destination rule 10000 translation port '2222'"]), CancellationToken.None);
        Assert.Equal(RouterSessionOutcome.Committed, byHand.Outcome);

        // The repair is cut off at its set: nothing of it was committed.
        await server.SetFaultsAsync($$"""{"dropAfterCommands": 3, "minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        // An operator tries the repair with commit-confirm and has not confirmed it (yet).
        var operatorTry = await rig.Client.ApplyAsync(
            new RouterChangeRequest(["set nat destination rule 10000 translation port '22'"], commitConfirmMinutes: 1) { ReadBackProblem = _ => "the operator has not decided" },
            CancellationToken.None);
        Assert.Equal(RouterSessionOutcome.NotConfirmed, operatorTry.Outcome);
        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);
        await PastTheConfirmWindowAsync(1);

        var changes = await rig.ChangesAsync();
        Assert.Equal(
            [(ChangeResult.Committed, true), (ChangeResult.TransportError, true), (ChangeResult.NoChange, false)],
            changes.Select(change => (change.Result, change.Commands.Length > 0)));
        Assert.DoesNotContain(changes[1].Commands.Split('\n'), line => line.StartsWith("commit", StringComparison.Ordinal));
        // Not confirmed by us, so the router reverted the operator's try to the saved configuration.
        Assert.Equal(["set nat destination rule 10000 translation port '2222'"], await rig.RouterLinesAsync("set nat destination rule 10000 translation port "));
    }

    [Theory]
    [InlineData("ssh")]
    [InlineData("http-api")]
    public async Task A_save_the_router_refuses_keeps_the_rows_pending_and_the_next_run_saves(string transport)
    {
        await using var rig = await SshApplierRig.StartOverAsync(server, transport);
        await SshApplierRig.AddTwoVmsAsync(rig);
        await rig.WriteFaultsAsync("""{"failSave": "Error: failed to write /config/config.boot: No space left on device"}""");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var afterRefusal = await rig.ForwardsAsync();
        var savedAfterRefusal = await SshApplierRig.SavedConfigAsync(rig);
        await rig.WriteFaultsAsync("{}");

        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);

        Assert.All(afterRefusal, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(afterRefusal, forward => Assert.Contains("VyOS refused 'save'", forward.LastError, StringComparison.Ordinal));
        Assert.DoesNotContain("rule 10000", savedAfterRefusal, StringComparison.Ordinal);
        var changes = await rig.ChangesAsync();
        Assert.Equal([ChangeResult.TransportError, ChangeResult.NoChange], changes.Select(change => change.Result));
        Assert.EndsWith("\ncommit", changes[0].Commands, StringComparison.Ordinal);
        AssertFinishedBy(changes[1], commitConfirmMinutes: 0);
        Assert.Contains("rule 10000", await SshApplierRig.SavedConfigAsync(rig), StringComparison.Ordinal);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failure_other_than_the_connection_after_commit_confirm_is_a_result_that_may_have_committed(bool cancel)
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes: 1);
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        using var cancellation = new CancellationTokenSource();
        var request = new RouterChangeRequest(NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22), commitConfirmMinutes: 1)
        {
            ReadBackProblem = _ =>
            {
                if (!cancel) throw new InvalidOperationException("the check broke");
                cancellation.Cancel();
                return null;
            },
        };

        var result = await rig.Client.ApplyAsync(request, cancellation.Token);

        Assert.Equal(RouterSessionOutcome.TransportFailure, result.Outcome);
        Assert.True(result.MayHaveCommitted);
        Assert.Contains(cancel ? "Canceled" : "(InvalidOperationException) after commit-confirm and before confirm", result.Message, StringComparison.Ordinal);
    }

    private static string Faults(int commitConfirmMinutes, bool dropAfterCommit) =>
        commitConfirmMinutes == 0
            ? $$"""{"dropAfterCommit": {{(dropAfterCommit ? "true" : "false")}}}"""
            : $$"""{"dropAfterCommit": {{(dropAfterCommit ? "true" : "false")}}, "minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""";

    /// <summary>The finishing session: no set/delete, only confirm (with commit-confirm) and save, and VyOS took them.</summary>
    private static void AssertFinishedBy(RouterChange finish, int commitConfirmMinutes)
    {
        Assert.Equal(ChangeResult.NoChange, finish.Result);
        Assert.Equal(commitConfirmMinutes > 0 ? "confirm\nsave" : "save", finish.Commands);
        Assert.DoesNotContain("failed", finish.RouterOutput, StringComparison.OrdinalIgnoreCase);
    }

    // Past the deadline an unconfirmed commit has been reverted: the simulator reverts on the next command of any session.
    private static Task PastTheConfirmWindowAsync(int commitConfirmMinutes) =>
        commitConfirmMinutes == 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(MinuteMs + 1000));

    private Task<string> SavedConfigAsync() => File.ReadAllTextAsync(Path.Combine(server.StateDir, "saved.config"));
}
