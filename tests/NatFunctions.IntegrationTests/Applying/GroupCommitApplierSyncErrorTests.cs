using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>An unexpected failure while syncing a router becomes that router's error in the report, not an exception for every router.</summary>
public sealed class GroupCommitApplierSyncErrorTests
{
    [Fact]
    public async Task A_router_whose_reconcile_throws_is_reported_with_an_error_and_the_sync_call_returns()
    {
        await using var rig = await ApplierRig.StartAsync();
        await rig.AddVmAsync("vm-a", "192.168.64.40", null, ApplierRig.Forward(10000, "ssh", 32100, 22));
        await using (var db = rig.CreateContext())
        {
            // A value no code path writes: reading the row fails, which stands for any bug the reconcile could hit.
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE PortForwards SET Protocol = 'bogus'"));
        }

        var reports = await rig.Sync.SyncReportsAsync(null, dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None);

        var report = Assert.Single(reports);
        Assert.Equal(("edge", SyncOutcome.Error), (report.Router, report.Outcome));
        Assert.Equal("the sync of this router failed unexpectedly (details are in the logs)", report.Error);
        Assert.Empty(report.CommandsSent);
    }
}
