using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Applying;
using NatFunctions.IntegrationTests.Leases;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Ssh;
using Renci.SshNet;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// The applier through its real SSH driver, real OpenSSH and the VyOS simulator, with the connection or the router
/// failing at each step of a session. Every test ends with the router and the database in agreement. The cases whose
/// body does not depend on the transport also run over the simulator's HTTP API (transport http-api, decision 0025);
/// the http-api shapes of the others are in <see cref="HttpApiFaultTests"/>.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class SshFaultTests(SimulatedVyosSshServer server)
{
    // A revert on 1.3/1.4 reboots the router (equuleus vyatta-cfg commit-confirm, sagitta:python/vyos/config_mgmt.py
    // commit_confirm); keep the simulated reboot short so the test's next login finds the router up.
    private const int RebootMs = 200;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_connection_dropped_before_commit_leaves_rows_pending_and_the_retry_applies_them_once()
    {
        await using var rig = await StartAsync();
        await AddTwoVmsAsync(rig);
        // The configure session: set terminal length 0, configure, then two of the first rule's set commands.
        await server.SetFaultsAsync("""{"dropAfterCommands": 4}""");

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var whileDown = await rig.ForwardsAsync();
        var routerWhileDown = await rig.RouterLinesAsync("set nat ");
        await server.SetFaultsAsync("{}");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);

        Assert.All(whileDown, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(whileDown, forward => Assert.Contains("closed the session", forward.LastError, StringComparison.Ordinal));
        Assert.Empty(routerWhileDown);
        Assert.Equal([ChangeResult.TransportError, ChangeResult.Committed], (await rig.ChangesAsync()).Select(change => change.Result));
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
        AssertEachRuleSentOnce(await rig.ChangesAsync());
    }

    [Fact]
    public async Task A_commit_whose_response_was_lost_is_found_on_the_next_read_and_not_sent_again()
    {
        await using var rig = await StartAsync();
        await AddTwoVmsAsync(rig);
        await server.SetFaultsAsync("""{"dropAfterCommit": true}""");

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var afterDrop = await rig.ForwardsAsync();
        await server.SetFaultsAsync("{}");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);

        Assert.All(afterDrop, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(afterDrop, forward => Assert.Contains("may or may not be active", forward.LastError, StringComparison.Ordinal));
        var changes = await rig.ChangesAsync();
        Assert.Equal(ChangeResult.TransportError, changes[0].Result);
        Assert.Contains("set nat destination rule 10000 description 'nf:vm-a:ssh'", changes[0].Commands.Split('\n'));
        // The next run sent no set/delete at all: it found the change active and only saved it.
        Assert.All(changes.Skip(1), change => Assert.Equal((ChangeResult.NoChange, "save"), (change.Result, change.Commands)));
        Assert.Contains(changes.Skip(1), change => change.RouterOutput!.Contains("save", StringComparison.Ordinal));
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
        var saved = await File.ReadAllTextAsync(Path.Combine(server.StateDir, "saved.config"));
        Assert.Contains("set nat destination rule 10002 description 'nf:vm-b:ssh'", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_dropped_during_commit_confirm_is_confirmed_by_the_next_run_while_the_change_is_still_active()
    {
        await using var rig = await StartAsync(commitConfirmMinutes: 1);
        await AddTwoVmsAsync(rig);
        // A simulated minute long enough for the next run to read and confirm on a loaded machine.
        const int MinuteMs = 10_000;
        await server.SetFaultsAsync($$"""{"dropAfterCommit": true, "minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var afterDrop = await rig.ForwardsAsync();
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(MinuteMs + 1000));

        Assert.All(afterDrop, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        var changes = await rig.ChangesAsync();
        Assert.Equal(ChangeResult.TransportError, changes[0].Result);
        var finish = Assert.Single(changes.Skip(1));
        Assert.Equal((ChangeResult.NoChange, "confirm\nsave"), (finish.Result, finish.Commands));
        Assert.Contains("Reboot timer stopped", finish.RouterOutput, StringComparison.Ordinal);
        // Past the deadline: an unconfirmed commit would have been reverted by now (the read below runs the revert).
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }

    [Fact]
    public async Task A_connection_dropped_during_commit_confirm_that_the_router_reverted_is_applied_again_by_the_next_run()
    {
        await using var rig = await StartAsync(commitConfirmMinutes: 1);
        await AddTwoVmsAsync(rig);
        const int MinuteMs = 5_000;
        await server.SetFaultsAsync($$"""{"dropAfterCommit": true, "minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await Task.Delay(TimeSpan.FromMilliseconds(MinuteMs + 500));
        var reverted = await rig.RouterLinesAsync("set nat ");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(MinuteMs + 500));

        Assert.Empty(reverted);
        var changes = await rig.ChangesAsync();
        Assert.Equal([ChangeResult.TransportError, ChangeResult.Committed], changes.Select(change => change.Result));
        Assert.Contains("Reboot timer stopped", changes[1].RouterOutput, StringComparison.Ordinal);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }

    [Fact]
    public async Task Commit_confirm_with_a_read_back_that_does_not_match_the_plan_is_not_confirmed_and_the_router_reverts()
    {
        await using var rig = await StartAsync(commitConfirmMinutes: 1);
        await AddTwoVmsAsync(rig);
        const int MinuteMs = 5_000;
        // Someone changes one of our rules in the same instant as our commit, so the read-back differs from the plan.
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}, "concurrentSetsAfterCommit": ["set nat destination rule 10000 translation port '2222'"]}""");

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var notConfirmed = await rig.ForwardsAsync();
        await server.SetFaultsAsync($$"""{"minuteMs": {{MinuteMs}}, "rebootMs": {{RebootMs}}}""");
        await Task.Delay(TimeSpan.FromMilliseconds(MinuteMs + 500));
        var afterRevert = await rig.RouterLinesAsync("set nat ");
        var stillPending = await rig.ForwardsAsync();
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);

        Assert.All(notConfirmed, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(notConfirmed, forward => Assert.Contains("does not match the plan (nat destination rule 10000 differs in ports)", forward.LastError, StringComparison.Ordinal));
        Assert.Empty(afterRevert);
        Assert.All(stillPending, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        var first = (await rig.ChangesAsync())[0];
        Assert.Equal(ChangeResult.NotConfirmed, first.Result);
        Assert.Contains("not as planned: nat destination rule 10000 differs in ports", first.RouterOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("translation port '2222'", first.RouterOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("# confirm", first.RouterOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("timer stopped", first.RouterOutput, StringComparison.Ordinal);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }

    [Fact]
    public async Task A_commit_lock_held_by_another_session_keeps_rows_pending_and_the_retry_applies_them()
    {
        await using var rig = await StartAsync();
        await AddTwoVmsAsync(rig);
        await server.SetFaultsAsync("""{"commitDelayMs": 15000}""");
        using var holder = await OpenRawShellAsync();
        await holder.RunAsync("configure");
        foreach (var command in ForeignRule)
        {
            await holder.RunAsync(command);
        }

        holder.Send("commit");
        // Faults are read before every command: only the holder's commit is slow.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await server.SetFaultsAsync("{}");

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var whileLocked = await rig.ForwardsAsync();
        await holder.WaitForConfigurationPromptAsync();
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);

        Assert.All(whileLocked, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(whileLocked, forward => Assert.Contains("temporarily locked due to another commit in progress", forward.LastError, StringComparison.Ordinal));
        Assert.Equal([ChangeResult.LockBusy, ChangeResult.Committed], (await rig.ChangesAsync()).Select(change => change.Result));
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
        Assert.Equal(ForeignRule, await rig.RouterLinesAsync("set nat destination rule 500 "));
    }

    [Theory]
    [InlineData("ssh")]
    [InlineData("http-api")]
    public async Task Timer_syncs_and_API_writes_racing_on_the_lease_apply_every_row_once(string transport)
    {
        // Every writer runs its own session, taking the router lease itself instead of sharing the group commit queue.
        await using var rig = await SshApplierRig.StartOverAsync(server, transport);
        await rig.WriteFaultsAsync("""{"commitDelayMs": 300}""");

        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await rig.AddVmAsync($"vm-{i}", $"192.168.64.{20 + i}", null, ApplierRig.Forward(10000 + i, "ssh", 32000 + i, 22));
            await rig.Main.Reconciler.RunAsync(new ReconcileRequest("edge", ChangeTrigger.Api, $"writer-{i}", ReconcileKind.PendingOnly), CancellationToken.None);
        }));
        var timers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None)));
        await Task.WhenAll([.. writers, .. timers]);
        await rig.WriteFaultsAsync("{}");

        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 8);
        AssertEachRuleSentOnce(await rig.ChangesAsync());
    }

    [Theory]
    [InlineData("ssh")]
    [InlineData("http-api")]
    public async Task Two_app_instances_sharing_a_blob_lease_apply_concurrently_and_every_row_lands_once(string transport)
    {
        using var azurite = new AzuriteProcess();
        var storage = new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString };
        await using var rig = await SshApplierRig.StartOverAsync(server, transport, storage);
        var second = rig.StartInstance(storage);
        var instances = new[] { rig.Main, second };
        await rig.WriteFaultsAsync("""{"commitDelayMs": 300}""");

        var writers = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await rig.AddVmAsync($"vm-{i}", $"192.168.64.{40 + i}", null, ApplierRig.Forward(10000 + (2 * i), "ssh", 32000 + (2 * i), 22), ApplierRig.Forward(10001 + (2 * i), "http", 32001 + (2 * i), 80));
            // Every writer runs its own session, so the two instances race on the blob lease for each of them.
            await instances[i % 2].Reconciler.RunAsync(new ReconcileRequest("edge", ChangeTrigger.Api, $"writer-{i}", ReconcileKind.PendingOnly), CancellationToken.None);
        }));
        var timers = instances.Select(instance => Task.Run(() => instance.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None)));
        await Task.WhenAll([.. writers, .. timers]);
        await rig.WriteFaultsAsync("{}");

        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 20);
        AssertEachRuleSentOnce(await rig.ChangesAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_failed_commit_ends_with_exit_discard_and_is_neither_confirmed_nor_saved(int commitConfirmMinutes)
    {
        await using var rig = await StartAsync(commitConfirmMinutes);
        var before = await File.ReadAllTextAsync(Path.Combine(server.StateDir, "saved.config"));
        var activeBefore = await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None);

        var result = await rig.Client.ApplyAsync(new RouterChangeRequest(NatRuleCommands.WithoutTranslation(10000, 32000), commitConfirmMinutes), CancellationToken.None);
        var lines = result.Transcript.Split('\n').Select(line => line.Trim()).ToList();

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        var failedAt = lines.FindIndex(line => line == "Commit failed");
        var discardAt = lines.FindIndex(line => line.EndsWith("# exit discard", StringComparison.Ordinal));
        Assert.InRange(failedAt, 0, discardAt - 1);
        Assert.DoesNotContain(lines, line => line.EndsWith("# save", StringComparison.Ordinal));
        // VyOS arms commit-confirm's timer before the commit (it then prints "Initialized commit-confirm"): that timer
        // is cancelled with confirm, so the router does not revert (reboot) for a commit that never happened.
        var armed = result.Transcript.Contains("Initialized commit-confirm", StringComparison.Ordinal);
        var confirmAt = lines.FindIndex(line => line.EndsWith("# confirm", StringComparison.Ordinal));
        if (armed) Assert.InRange(confirmAt, failedAt + 1, discardAt - 1);
        else Assert.Equal(-1, confirmAt);
        // The router's own words end the message; after a commit-confirm the session says the armed timer was cancelled.
        Assert.EndsWith(
            armed ? "Commit failed (the revert timer commit-confirm armed before the commit was cancelled with 'confirm')" : "Commit failed",
            result.Message,
            StringComparison.Ordinal);
        Assert.False(result.Saved);
        Assert.Equal(activeBefore, await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None));
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(server.StateDir, "saved.config")));
    }

    /// <summary>A rule an admin made by hand on the router (not ours), as the fault tests of both transports use it.</summary>
    internal static readonly string[] ForeignRule =
    [
        "set nat destination rule 500 description 'hand made'",
        "set nat destination rule 500 destination port '8443'",
        "set nat destination rule 500 inbound-interface name 'eth0'",
        "set nat destination rule 500 protocol 'tcp'",
        "set nat destination rule 500 translation address '192.168.64.5'",
    ];

    /// <summary>Across every committed session, each rule's description was sent once: nothing was applied twice.</summary>
    internal static void AssertEachRuleSentOnce(IEnumerable<RouterChange> changes)
    {
        var descriptionsSent = changes
            .Where(change => change.Result == ChangeResult.Committed)
            .SelectMany(change => change.Commands.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Where(command => command.Contains(" description 'nf:", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(descriptionsSent.Distinct(StringComparer.Ordinal).Count(), descriptionsSent.Count);
    }

    private Task<ApplierRig> StartAsync(int commitConfirmMinutes = 0) => SshApplierRig.StartAsync(server, commitConfirmMinutes);

    private static Task AddTwoVmsAsync(ApplierRig rig) => SshApplierRig.AddTwoVmsAsync(rig);

    private async Task<RawVyosShell> OpenRawShellAsync()
    {
        var client = new SshClient("127.0.0.1", server.Port, server.UserName, new PrivateKeyFile(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(server.ClientPrivateKey))));
        await client.ConnectAsync(CancellationToken.None);
        var shell = new RawVyosShell(client);
        await shell.WaitForOperationalPromptAsync();
        return shell;
    }
}
