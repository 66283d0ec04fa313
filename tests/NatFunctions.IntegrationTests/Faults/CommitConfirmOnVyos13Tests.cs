using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// VyOS 1.3 refuses every <c>commit-confirm</c> until <c>system config-management commit-revisions</c> is set: a
/// router setting, so no change is blamed (nothing failed, no bisecting) and the rows wait for the operator's fix.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class CommitConfirmOnVyos13Tests(SimulatedVyosSshServer server)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Commit_confirm_without_commit_revisions_keeps_rows_pending_with_the_reason_and_applies_once_the_router_is_fixed()
    {
        await using var rig = await SshApplierRig.StartAsync(server, commitConfirmMinutes: 1, version: "1.3");
        await server.SetFaultsAsync("""{"minuteMs": 10000, "rebootMs": 200}""");
        await SshApplierRig.AddTwoVmsAsync(rig);

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var refused = await rig.ForwardsAsync();
        var refusedChanges = await rig.ChangesAsync();
        var routerAfterRefusal = await rig.RouterLinesAsync("set nat ");
        var fix = await rig.Client.ApplyAsync(new RouterChangeRequest(["set system config-management commit-revisions '100'"]), CancellationToken.None);
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);

        Assert.All(refused, forward => Assert.Equal(SyncState.Pending, forward.SyncState));
        Assert.All(refused, forward => Assert.Contains("needs 'system config-management commit-revisions'", forward.LastError, StringComparison.Ordinal));
        // One session, no halving to find a culprit; recorded as router_misconfigured with the router's own words.
        var refusal = Assert.Single(refusedChanges);
        Assert.Equal(ChangeResult.RouterMisconfigured, refusal.Result);
        Assert.Contains("commit-revisions is not configured.", refusal.RouterOutput, StringComparison.Ordinal);
        Assert.Contains("exit discard", refusal.RouterOutput, StringComparison.Ordinal);
        Assert.Empty(routerAfterRefusal);
        Assert.Equal(RouterSessionOutcome.Committed, fix.Outcome);
        Assert.Equal(ChangeResult.Committed, (await rig.ChangesAsync())[^1].Result);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }
}
