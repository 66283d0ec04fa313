using System.Diagnostics;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;
using NatFunctions.IntegrationTests.Applying;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// The applier over the simulator's HTTP API (transport http-api, decision 0025) with the router failing where an API
/// session can fail: the answer to <c>/configure</c> lost after the commit, a commit still running when the client
/// stops waiting, another admin's commit holding VyOS's commit lock, a success that hid a failed commit (T6326), the
/// router down, a wrong key. The SSH counterparts are in
/// <see cref="SshFaultTests"/>; where the test body is the same for both transports it runs there on both. Unlike an
/// SSH shell, a request VyOS has received is carried out even when its connection goes away, so "cut before the
/// commit" has no API shape other than "nothing was sent" (the router down).
/// </summary>
public sealed class HttpApiFaultTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private static readonly string[] ForeignRule = SshFaultTests.ForeignRule;

    [Fact]
    public async Task A_configure_answered_500_after_its_commit_is_read_back_as_committed_saved_and_not_sent_again()
    {
        await using var rig = await ApplierRig.StartOnHttpApiAsync();
        await SshApplierRig.AddTwoVmsAsync(rig);
        // The API's request handler fails after the commit went active: VyOS answers 500 (internal error).
        await rig.WriteFaultsAsync("""{"dropAfterCommit": true}""");

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await rig.WriteFaultsAsync("{}");
        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);

        var changes = await rig.ChangesAsync();
        Assert.Equal(ChangeResult.Committed, changes[0].Result);
        Assert.Contains("HTTP 500 from /configure", changes[0].RouterOutput, StringComparison.Ordinal);
        Assert.Contains("not sent again", changes[0].RouterOutput, StringComparison.Ordinal);
        // The timer's run after it found nothing to do and sent nothing.
        Assert.All(changes.Skip(1), change => Assert.Equal((ChangeResult.NoChange, string.Empty), (change.Result, change.Commands)));
        Assert.Equal(1, rig.ApiServer!.ConfigureRequests());
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
        Assert.Contains("set nat destination rule 10002 description 'nf:vm-b:ssh'", await SshApplierRig.SavedConfigAsync(rig), StringComparison.Ordinal);
        SshFaultTests.AssertEachRuleSentOnce(changes);
    }

    [Fact]
    public async Task A_commit_that_lands_after_the_client_stopped_waiting_is_not_sent_again_and_is_saved_by_the_next_run()
    {
        // The answer is given up after 1 s and the read-back waits 1 s more; the router commits at 5 s.
        await using var rig = await ApplierRig.StartOnHttpApiAsync(adjustRouter: router => router with { CommandTimeoutSeconds = 1, CommitTimeoutSeconds = 1 });
        await SshApplierRig.AddTwoVmsAsync(rig);
        await rig.WriteFaultsAsync("""{"commitDelayMs": 5000}""");

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var whileCommitting = await rig.ForwardsAsync();
        var routerWhileCommitting = await rig.RouterLinesAsync("set nat ");
        await rig.WriteFaultsAsync("{}");
        await WaitForRouterLineAsync(rig, "set nat destination rule 10002 description 'nf:vm-b:ssh'");
        await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);

        Assert.All(whileCommitting, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(whileCommitting, forward => Assert.Contains("none of the change is in the configuration read back", forward.LastError, StringComparison.Ordinal));
        Assert.Empty(routerWhileCommitting);
        var changes = await rig.ChangesAsync();
        Assert.Equal(ChangeResult.TransportError, changes[0].Result);
        // The next run found the change active: it sent no set/delete, only the save the first session never made.
        Assert.All(changes.Skip(1), change => Assert.DoesNotContain("set nat", change.Commands, StringComparison.Ordinal));
        Assert.Equal(1, rig.ApiServer!.ConfigureRequests());
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
        Assert.Contains("set nat destination rule 10002 description 'nf:vm-b:ssh'", await SshApplierRig.SavedConfigAsync(rig), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_lock_held_by_an_admins_cli_commit_keeps_rows_pending_and_the_retry_applies_them()
    {
        await using var rig = await ApplierRig.StartOnHttpApiAsync();
        await SshApplierRig.AddTwoVmsAsync(rig);
        // An operator's CLI session on the same router whose commit takes 15 s (its own --commit-delay-ms).
        using var holder = await StartCliCommitAsync(rig.StateDir, ForeignRule, commitDelayMs: 15_000);

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var whileLocked = await rig.ForwardsAsync();
        var routerWhileLocked = await rig.RouterLinesAsync("set nat destination rule 1000");
        await holder.WaitForExitAsync(new CancellationTokenSource(Wait).Token);
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);

        Assert.All(whileLocked, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(whileLocked, forward => Assert.Contains("temporarily locked due to another commit in progress", forward.LastError, StringComparison.Ordinal));
        Assert.Empty(routerWhileLocked);
        Assert.Equal([ChangeResult.LockBusy, ChangeResult.Committed], (await rig.ChangesAsync()).Select(change => change.Result));
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
        Assert.Equal(ForeignRule, await rig.RouterLinesAsync("set nat destination rule 500 "));
        Assert.Equal(2, rig.ApiServer!.ConfigureRequests());
    }

    [Fact]
    public async Task With_the_router_down_nothing_is_sent_rows_stay_pending_and_are_applied_once_it_is_back()
    {
        await using var rig = await ApplierRig.StartOnHttpApiAsync();
        await SshApplierRig.AddTwoVmsAsync(rig);
        await rig.ApiServer!.StopAsync();

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var whileDown = await rig.ForwardsAsync();
        var changesWhileDown = await rig.ChangesAsync();
        await rig.ApiServer.StartAgainAsync();
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);

        Assert.All(whileDown, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(whileDown, forward => Assert.False(string.IsNullOrEmpty(forward.LastError)));
        Assert.All(changesWhileDown, change => Assert.Equal(ChangeResult.TransportError, change.Result));
        Assert.Equal([ChangeResult.Committed], (await rig.ChangesAsync()).Skip(changesWhileDown.Count).Select(change => change.Result));
        Assert.Equal(1, rig.ApiServer.ConfigureRequests());
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }

    [Fact]
    public async Task A_success_that_hid_a_failed_commit_fails_the_rows_with_the_t6326_reading_and_commits_nothing()
    {
        await using var rig = await ApplierRig.StartOnHttpApiAsync();
        // 1.4 under vyos-configd: the conf script's error goes to the tty and the API answers success (T6326).
        await rig.WriteFaultsAsync("""{"failCommit": "Injected NAT failure", "swallowCommitFailure": true}""");
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22));

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);

        var forward = Assert.Single(await rig.ForwardsAsync());
        Assert.Equal(SyncState.Failed, forward.SyncState);
        Assert.Contains("T6326", forward.LastError, StringComparison.Ordinal);
        // Every session that sent the rule was answered success and recorded as rejected; anything after sent no line.
        var changes = await rig.ChangesAsync();
        var sent = changes.Where(change => change.Commands.Contains("set nat destination rule 10000", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, change => Assert.Equal(ChangeResult.Rejected, change.Result));
        Assert.All(sent, change => Assert.Contains("\"success\":true", change.RouterOutput, StringComparison.Ordinal));
        Assert.All(changes.Except(sent), change => Assert.DoesNotContain("set ", change.Commands, StringComparison.Ordinal));
        Assert.Empty(await rig.RouterLinesAsync("set nat "));
        Assert.DoesNotContain("nat destination", await SshApplierRig.SavedConfigAsync(rig), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_keeps_rows_pending_with_the_setting_named_and_nothing_reaches_the_router()
    {
        await using var rig = await ApplierRig.StartOnHttpApiAsync(adjustRouter: router => router with { ApiKey = "not-the-key-0000000000" });
        await SshApplierRig.AddTwoVmsAsync(rig);

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);

        Assert.All(await rig.ForwardsAsync(), forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(await rig.ForwardsAsync(), forward => Assert.Contains("Routers:edge:ApiKey", forward.LastError, StringComparison.Ordinal));
        Assert.All(await rig.ChangesAsync(), change => Assert.Equal(ChangeResult.TransportError, change.Result));
        Assert.Equal(0, rig.ApiServer!.ConfigureRequests());
        Assert.DoesNotContain("nat destination", await File.ReadAllTextAsync(Path.Combine(rig.StateDir, "active.config")), StringComparison.Ordinal);
    }

    private static async Task WaitForRouterLineAsync(ApplierRig rig, string line)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!(await rig.RouterLinesAsync(line)).Contains(line))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"'{line}' did not reach the router within {Wait}");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// The simulator's shell on <paramref name="stateDir"/> (an admin's CLI session on the same router) running
    /// <c>configure</c>, <paramref name="commands"/> and a <c>commit</c> that holds VyOS's commit lock for
    /// <paramref name="commitDelayMs"/>; returns once that commit has started.
    /// </summary>
    private static async Task<Process> StartCliCommitAsync(string stateDir, IEnumerable<string> commands, int commitDelayMs)
    {
        var start = new ProcessStartInfo(VyosSimulatorLocator.DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { BuildOutputs.SimulatorAssembly, "shell", "--state-dir", stateDir, "--version", "1.4", "--commit-delay-ms", commitDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator's shell");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (output) output.Append(line.Data).Append('\n'); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var lines = new[] { "configure" }.Concat(commands).ToList();
        foreach (var line in lines) await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.WriteLineAsync("commit");
        await process.StandardInput.WriteLineAsync("exit");
        await process.StandardInput.WriteLineAsync("exit");
        process.StandardInput.Close();

        // "[edit]" opens every configuration-mode prompt: one after configure and after each set, the last one
        // printed just before the shell reads "commit".
        var deadline = DateTime.UtcNow + Wait;
        while (CountEditPrompts(output) < lines.Count)
        {
            if (process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException("the admin's CLI session did not reach its commit: " + output);
            await Task.Delay(50);
        }

        // The commit takes the lock as its first step.
        await Task.Delay(TimeSpan.FromSeconds(1));
        return process;
    }

    private static int CountEditPrompts(System.Text.StringBuilder output)
    {
        lock (output) return output.ToString().Split("[edit]").Length - 1;
    }
}
