using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using NatFunctions.Core.Domain;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Faults;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.Leases;

/// <summary>
/// A run that loses the router's blob lease (Azurite) while it is under way sends no <c>commit</c>: the session
/// checks the lease right before it, ends with <c>exit discard</c> and is audited <c>lease_lost</c>.
/// </summary>
public sealed class BlobRouterLeaseFencingTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
    private readonly AzuriteProcess azurite = new();

    public void Dispose() => azurite.Dispose();

    [Fact]
    public async Task A_lease_broken_while_the_run_is_stalled_stops_the_session_before_commit_and_the_next_run_applies_the_rows_once()
    {
        await using var rig = await StartWithTwoVmsAsync(router => router);
        var blob = LeaseBlob();

        bool firstFinished;
        using (var stall = HoldRouterState(rig))
        {
            // The run takes the lease, then waits on the router, which cannot read its state: a slow router.
            var running = rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
            await WaitUntilLeasedAsync(blob);
            // Another instance decides this one is gone and breaks the lease.
            await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
            stall.Dispose();
            firstFinished = await running.WaitAsync(Wait);
        }

        var afterLoss = await rig.ChangesAsync();
        var routerAfterLoss = await rig.RouterLinesAsync("set nat ");
        var forwardsAfterLoss = await rig.ForwardsAsync();
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);
        var changes = await rig.ChangesAsync();

        Assert.True(firstFinished);
        var lost = Assert.Single(afterLoss);
        Assert.Equal(ChangeResult.LeaseLost, lost.Result);
        Assert.Contains("exit discard", lost.RouterOutput, StringComparison.Ordinal);
        Assert.Contains("lost the router's lease before 'commit'", lost.RouterOutput, StringComparison.Ordinal);
        Assert.Empty(routerAfterLoss);
        Assert.All(forwardsAfterLoss, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.Equal([ChangeResult.LeaseLost, ChangeResult.Committed], changes.Select(change => change.Result));
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
        SshFaultTests.AssertEachRuleSentOnce(changes);
    }

    [Fact]
    public async Task A_lease_broken_during_commit_confirm_leaves_it_unconfirmed_and_the_next_run_confirms_it_without_resending()
    {
        await using var rig = await StartWithTwoVmsAsync(router => router with { CommitConfirmMinutes = 1 });
        // A minute long enough for the next run to confirm; a commit slow enough to break the lease while it runs.
        await rig.WriteFaultsAsync("""{"minuteMs": 30000, "commitDelayMs": 3000}""");

        var running = rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await RouterCommitWatch.WaitUntilCommittingAsync(rig.StateDir, Wait);
        await LeaseBlob().GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        var firstFinished = await running.WaitAsync(Wait);
        var afterLoss = await rig.ChangesAsync();
        var activeAfterLoss = await rig.RouterLinesAsync("set nat destination rule 10000 ");
        var confirmPendingAfterLoss = File.Exists(Path.Combine(rig.StateDir, "commit-confirm.json"));
        var savedAfterLoss = await File.ReadAllTextAsync(Path.Combine(rig.StateDir, "saved.config"));
        await rig.WriteFaultsAsync("""{"minuteMs": 30000}""");
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);
        var changes = await rig.ChangesAsync();

        Assert.True(firstFinished);
        var lost = Assert.Single(afterLoss);
        Assert.Equal(ChangeResult.LeaseLost, lost.Result);
        // commit-confirm went through; neither confirm (VyOS 1.4 answers it with "Reboot timer stopped") nor save followed.
        Assert.Contains("Initialized commit-confirm", lost.RouterOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Reboot timer stopped", lost.RouterOutput, StringComparison.Ordinal);
        Assert.Contains("lost the router's lease before 'confirm'", lost.RouterOutput, StringComparison.Ordinal);
        Assert.NotEmpty(activeAfterLoss);
        Assert.True(confirmPendingAfterLoss);
        Assert.DoesNotContain("rule 10000", savedAfterLoss, StringComparison.Ordinal);
        // The lost session's commit line marks it unfinished: the next run finishes it (confirm, save) and sends no set again.
        Assert.EndsWith("commit-confirm 1", lost.Commands, StringComparison.Ordinal);
        Assert.Equal(ChangeResult.NoChange, changes[1].Result);
        Assert.Equal("confirm\nsave", changes[1].Commands);
        Assert.DoesNotContain(changes.Skip(2), change => change.Result == ChangeResult.Committed);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }

    /// <summary>A simulated router leased through Azurite, with two VMs (three forwards) pending.</summary>
    private async Task<ApplierRig> StartWithTwoVmsAsync(Func<Core.Routers.RouterSettings, Core.Routers.RouterSettings> adjustRouter)
    {
        var rig = await ApplierRig.StartAsync(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString }, adjustRouter: adjustRouter);
        await SshApplierRig.AddTwoVmsAsync(rig);
        return rig;
    }

    /// <summary>The router's lease blob, as another instance (or an operator) sees it.</summary>
    private BlobClient LeaseBlob() =>
        new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("natfunctions-leases").GetBlobClient("routers/edge");

    /// <summary>
    /// Holds the simulator's <c>state.lock</c> (an exclusive <c>flock</c>, see the simulator's StateDirectory), so every
    /// router command that reads the state waits until it is disposed.
    /// </summary>
    private static FileStream HoldRouterState(ApplierRig rig) =>
        new(Path.Combine(rig.StateDir, "state.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private static async Task WaitUntilLeasedAsync(BlobClient blob)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await blob.ExistsAsync() && (await blob.GetPropertiesAsync()).Value.LeaseState == LeaseState.Leased) return;
            await Task.Delay(50);
        }

        throw new TimeoutException("the run never took the router's lease");
    }
}
