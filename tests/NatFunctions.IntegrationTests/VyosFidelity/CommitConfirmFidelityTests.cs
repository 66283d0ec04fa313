using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.IntegrationTests.Faults;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.VyosFidelity;

/// <summary>
/// commit-confirm as VyOS runs it, over real sshd and the faithful simulator: the revert timer is armed before the
/// commit runs (equuleus vyatta-config-mgmt.pl <c>commit-confirm</c>, sagitta/circinus python/vyos/config_mgmt.py
/// <c>commit_confirm</c>, called by vyatta-cfg functions/interpreter/vyatta-cfg-run before <c>commit</c>), so a refused
/// commit leaves it armed, and 1.3 commits even while another commit-confirm is pending.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class CommitConfirmFidelityTests(SimulatedVyosSshServer server)
{
    private const int MinuteMs = 3_000;
    private const int RebootMs = 1_000;
    private static readonly TimeSpan PastTheWindow = TimeSpan.FromMilliseconds(MinuteMs + RebootMs + 1_500);

    // equuleus commit-confirm refuses without commit-revisions (vyatta-config-mgmt.pl cm_get_max_revs).
    private const string CommitRevisions = "set system config-management commit-revisions '100'\n";

    /// <summary>
    /// Fails on main's session code: it discarded after the refused commit without cancelling the timer, so the
    /// reboot (1.3/1.4: into the saved config) or reload (1.5: the config before that commit) removed the later,
    /// unsaved, plain commit of rule 10001.
    /// </summary>
    [Theory]
    [InlineData("1.3")]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public async Task A_commit_confirm_whose_commit_VyOS_refuses_cancels_the_armed_timer_so_nothing_is_reverted_later(string version)
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes: 1, version: version, initialConfig: CommitRevisions);
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");

        var refused = await rig.Client.ApplyAsync(
            new RouterChangeRequest(VersionedNatCommands.WithoutTranslation(version, 10000, 32000), commitConfirmMinutes: 1), CancellationToken.None);
        // A later plain commit, deliberately left unsaved: a reboot or reload would take it away.
        var plain = await rig.Client.ApplyAsync(
            new RouterChangeRequest(VersionedNatCommands.PortForward(version, 10001, 32001, "192.168.64.11", 22), save: false), CancellationToken.None);
        await Task.Delay(PastTheWindow);
        var afterTheWindow = await rig.RouterLinesAsync("set nat ");

        Assert.Equal(RouterSessionOutcome.Rejected, refused.Outcome);
        Assert.Equal("commit-confirm 1", refused.FailedCommand);
        Assert.Contains("confirm", refused.Transcript, StringComparison.Ordinal);
        Assert.Equal(RouterSessionOutcome.Committed, plain.Outcome);
        Assert.Contains(afterTheWindow, line => line.Contains("rule 10001", StringComparison.Ordinal));
        Assert.DoesNotContain(afterTheWindow, line => line.Contains("rule 10000", StringComparison.Ordinal));
    }

    /// <summary>
    /// 1.3 prints "Another confirm is pending" and commits anyway (equuleus vyatta-config-mgmt.pl exits 0, vyatta-cfg-run
    /// goes on). The product reports it and leaves the other commit-confirm alone, so its revert undoes both commits.
    /// Fails on main's session code, which took the 1.3 text for a refusal and discarded although the commit was active
    /// (or, reading back its rule, confirmed the other session's commit-confirm).
    /// </summary>
    [Fact]
    public async Task On_1_3_another_pending_confirm_still_commits_is_reported_and_is_not_confirmed_by_us()
    {
        const string version = "1.3";
        // Both sessions must run inside the first one's window, on a loaded machine too.
        const int LongMinuteMs = 15_000;
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes: 1, version: version, initialConfig: CommitRevisions);
        await server.SetFaultsAsync($$"""{"minuteMs": {{LongMinuteMs}}, "rebootMs": {{RebootMs}}}""");
        var someoneElses = await rig.Client.ApplyAsync(
            new RouterChangeRequest(VersionedNatCommands.PortForward(version, 10000, 32000, "192.168.64.10", 22), commitConfirmMinutes: 1) { ReadBackProblem = _ => "left unconfirmed" },
            CancellationToken.None);

        var ours = await rig.Client.ApplyAsync(
            new RouterChangeRequest(VersionedNatCommands.PortForward(version, 10001, 32001, "192.168.64.11", 22), commitConfirmMinutes: 1), CancellationToken.None);
        var rightAfter = await rig.RouterLinesAsync("set nat ");
        await Task.Delay(TimeSpan.FromMilliseconds(LongMinuteMs + RebootMs + 1_500));
        var afterTheWindow = await rig.RouterLinesAsync("set nat ");

        Assert.Equal(RouterSessionOutcome.NotConfirmed, someoneElses.Outcome);
        Assert.Equal(RouterSessionOutcome.LockBusy, ours.Outcome);
        Assert.Contains("another commit-confirm is pending", ours.Message, StringComparison.Ordinal);
        Assert.Contains("committed this change anyway", ours.Message, StringComparison.Ordinal);
        Assert.False(ours.Saved);
        Assert.DoesNotContain("\nconfirm", ours.Transcript, StringComparison.Ordinal);
        Assert.Contains(rightAfter, line => line.Contains("rule 10001", StringComparison.Ordinal));
        // The earlier commit-confirm's reboot into the saved config undid both.
        Assert.Empty(afterTheWindow);
    }

    /// <summary>
    /// A commit-confirm that meets the commit lock (another commit in progress) is refused after the timer was armed.
    /// Fails on 1.3 with main's session code, which did not cancel the timer, so the `at` job's reboot removed the later
    /// unsaved commit. On 1.4/1.5 the locked commit never ran the post-commit hooks, so VyOS's own revert would die
    /// reading the missing commit-revision entry (sagitta/circinus:python/vyos/config_mgmt.py _read_tmp_log_entry) and
    /// the session's `confirm` answers with that traceback: the timer is stopped all the same.
    /// </summary>
    [Theory]
    [InlineData("1.3")]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public async Task A_commit_confirm_that_meets_the_commit_lock_cancels_the_armed_timer(string version)
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes: 1, version: version, initialConfig: CommitRevisions);
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}, "commitDelayMs": 4000}""");

        var slow = rig.Client.ApplyAsync(
            new RouterChangeRequest(["set system host-name 'edge-slow'"], save: true), CancellationToken.None);
        await Task.Delay(1_500);
        var locked = await rig.Client.ApplyAsync(
            new RouterChangeRequest(VersionedNatCommands.PortForward(version, 10000, 32000, "192.168.64.10", 22), commitConfirmMinutes: 1), CancellationToken.None);
        await slow;
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        var plain = await rig.Client.ApplyAsync(
            new RouterChangeRequest(VersionedNatCommands.PortForward(version, 10001, 32001, "192.168.64.11", 22), save: false), CancellationToken.None);
        await Task.Delay(PastTheWindow);
        var afterTheWindow = await rig.RouterLinesAsync("set nat ");

        Assert.Equal(RouterSessionOutcome.LockBusy, locked.Outcome);
        Assert.Equal(RouterSessionOutcome.Committed, plain.Outcome);
        Assert.Contains(afterTheWindow, line => line.Contains("rule 10001", StringComparison.Ordinal));
        Assert.DoesNotContain(afterTheWindow, line => line.Contains("rule 10000", StringComparison.Ordinal));
    }
}
