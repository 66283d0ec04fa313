using NatFunctions.Core.Applying;

namespace NatFunctions.Core.Tests.Applying;

public sealed class ReconcileKindRulesTests
{
    [Theory]
    [InlineData(SyncMode.Repair, ReconcileKind.Repair)]
    [InlineData(SyncMode.Report, ReconcileKind.PendingOnly)]
    public void A_write_repairs_unless_the_sync_mode_only_reports_drift(SyncMode mode, ReconcileKind expected) =>
        Assert.Equal(expected, ReconcileKindRules.ForWrite(mode));

    [Theory]
    [InlineData(SyncMode.Repair, false, ReconcileKind.Repair)]
    [InlineData(SyncMode.Report, false, ReconcileKind.Report)]
    [InlineData(SyncMode.Repair, true, ReconcileKind.DryRun)]
    [InlineData(SyncMode.Report, true, ReconcileKind.DryRun)]
    public void A_sync_asks_for_the_kind_its_mode_and_dry_run_flag_say(SyncMode mode, bool dryRun, ReconcileKind expected) =>
        Assert.Equal(expected, ReconcileKindRules.ForSync(mode, dryRun));

    [Theory]
    [InlineData(ReconcileKind.PendingOnly, ReconcileKind.PendingOnly, ReconcileKind.PendingOnly)]
    [InlineData(ReconcileKind.PendingOnly, ReconcileKind.Repair, ReconcileKind.Repair)]
    [InlineData(ReconcileKind.Repair, ReconcileKind.PendingOnly, ReconcileKind.Repair)]
    [InlineData(ReconcileKind.Repair, ReconcileKind.Repair, ReconcileKind.Repair)]
    public void A_shared_session_widens_to_a_repair_when_any_caller_asked_for_one(ReconcileKind queued, ReconcileKind joining, ReconcileKind expected) =>
        Assert.Equal(expected, queued.JoinedWith(joining));

    [Fact]
    public void Only_kinds_that_send_share_the_routers_queue_and_only_a_dry_run_skips_the_lease()
    {
        Assert.Equal(
            [ReconcileKind.Repair, ReconcileKind.PendingOnly],
            Enum.GetValues<ReconcileKind>().Where(kind => kind.SharesSessions));
        Assert.Equal(
            [ReconcileKind.Repair, ReconcileKind.PendingOnly],
            Enum.GetValues<ReconcileKind>().Where(kind => kind.Sends));
        Assert.Equal([ReconcileKind.DryRun], Enum.GetValues<ReconcileKind>().Where(kind => kind.OnlyPlans));
        Assert.Equal([ReconcileKind.PendingOnly], Enum.GetValues<ReconcileKind>().Where(kind => kind.SendsOnlyPending));
    }
}
