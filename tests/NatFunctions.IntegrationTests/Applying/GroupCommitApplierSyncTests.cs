using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// The reconcile behind the sync endpoint and the timer: drift, foreign rules, dry run, report mode; the router-facing
/// cases on both transports that carry a configure session: the simulator's CLI and its HTTP API (decision 0025).
/// </summary>
public sealed class GroupCommitApplierSyncTests
{
    private const string ForeignRule = """
        set nat destination rule 10005 description 'hand made'
        set nat destination rule 10005 destination port '2222'
        set nat destination rule 10005 inbound-interface name 'eth0'
        set nat destination rule 10005 protocol 'tcp'
        set nat destination rule 10005 translation address '192.168.64.5'
        set nat destination rule 500 description 'nf:outside:range'
        set nat destination rule 500 destination port '8080'
        set nat destination rule 500 inbound-interface name 'eth0'
        set nat destination rule 500 protocol 'tcp'
        set nat destination rule 500 translation address '192.168.64.6'

        """;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("simulated")]
    [InlineData("http-api")]
    public async Task Foreign_rules_are_reported_as_unmanaged_and_never_touched(string transport)
    {
        await using var rig = await ApplierRig.StartOverAsync(transport, initialConfig: ForeignRule);
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22));

        var report = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Manual, "admin", CancellationToken.None));

        Assert.Equal(SyncOutcome.Committed, report.Outcome);
        Assert.Equal([new UnmanagedRule(10005, "hand made")], report.Plan!.Unmanaged);
        Assert.Equal([10000], report.Plan.Added.Select(change => change.RuleNumber!.Value));
        Assert.All(report.CommandsSent, command => Assert.StartsWith("set nat destination rule 10000 ", command, StringComparison.Ordinal));
        var lines = await rig.RouterLinesAsync("set nat destination rule ");
        Assert.Equal(ForeignRule.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(), lines.Where(l => !l.Contains(" 10000 ", StringComparison.Ordinal)).Order());
        var change = (await rig.ChangesAsync()).Single(c => c.Id == report.ChangeId);
        Assert.Equal((ChangeTrigger.Manual, "admin", 1), (change.Trigger, change.Actor, change.UnmanagedSeen));
    }

    [Theory]
    [InlineData("simulated")]
    [InlineData("http-api")]
    public async Task Drift_made_behind_our_back_is_repaired_by_sync(string transport)
    {
        await using var rig = await ApplierRig.StartOverAsync(transport);
        await rig.AddVmAsync("vm-a", "192.168.64.10", "02:00:00:00:00:0a", ApplierRig.Forward(10000, "ssh", 32000, 22), ApplierRig.Forward(10001, "http", 32001, 80));
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var applied = await rig.RouterLinesAsync("set ");
        await EditRouterAsync(rig,
            "set nat destination rule 10000 translation address '192.168.64.99'",
            "set nat destination rule 10001 disable",
            "set nat destination rule 10002 description 'nf:ghost:ssh'",
            "set nat destination rule 10002 inbound-interface name 'eth0'",
            "set nat destination rule 10002 translation address '192.168.64.77'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a mac-address '02:00:00:00:00:ff'");

        var report = Assert.Single(await rig.Sync.SyncReportsAsync(null, dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None));

        Assert.Equal(SyncOutcome.Committed, report.Outcome);
        Assert.Equal(
            [("nat destination rule 10000", DriftField.Address), ("nat destination rule 10001", DriftField.Disable), ("dhcp static-mapping nf-vm-a", DriftField.Mac)],
            report.Plan!.Updated.Select(change => (change.Key.ToString(), Assert.Single(change.Drift))));
        Assert.Equal(["nat destination rule 10002"], report.Plan.Deleted.Select(change => change.Key.ToString()));
        Assert.Equal(applied, await rig.RouterLinesAsync("set "));
        var change = (await rig.ChangesAsync()).Last();
        Assert.Equal((ChangeResult.Committed, ChangeTrigger.Timer, 3, 1), (change.Result, change.Trigger, change.DriftChanged, change.DriftExtra));
    }

    [Theory]
    [InlineData("simulated")]
    [InlineData("http-api")]
    public async Task Report_mode_records_the_drift_and_changes_nothing_while_writes_still_apply_their_own_changes(string transport)
    {
        await using var rig = await ApplierRig.StartOverAsync(transport, new Dictionary<string, string?> { ["Sync:Mode"] = "report" });
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22));
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await EditRouterAsync(rig, "set nat destination rule 10000 translation port '2222'");
        var drifted = await rig.RouterLinesAsync("set ");

        var report = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None));
        await rig.AddVmAsync("vm-b", "192.168.64.11", null, ApplierRig.Forward(10001, "ssh", 32001, 22));
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);

        Assert.Equal(SyncOutcome.Reported, report.Outcome);
        Assert.Equal(DriftField.Ports, Assert.Single(Assert.Single(report.Plan!.Updated).Drift));
        Assert.Empty(report.CommandsSent);
        var recorded = (await rig.ChangesAsync()).Single(c => c.Id == report.ChangeId);
        Assert.Equal((ChangeResult.NoChange, 1), (recorded.Result, recorded.DriftChanged));
        var after = await rig.RouterLinesAsync("set ");
        Assert.Contains("set nat destination rule 10000 translation port '2222'", after);
        Assert.Contains("set nat destination rule 10001 translation port '22'", after);
        Assert.Equal(drifted.Length + 6, after.Length);
    }

    [Theory]
    [InlineData("simulated")]
    [InlineData("http-api")]
    public async Task A_dry_run_returns_the_plan_and_changes_and_records_nothing(string transport)
    {
        await using var rig = await ApplierRig.StartOverAsync(transport);
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22));
        var before = await rig.RouterLinesAsync("set ");

        var report = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: true, ChangeTrigger.Manual, "admin", CancellationToken.None));

        Assert.Equal(SyncOutcome.DryRun, report.Outcome);
        Assert.Equal(6, report.Plan!.CommandTexts.Count);
        Assert.Null(report.ChangeId);
        Assert.Empty(await rig.ChangesAsync());
        Assert.Equal(before, await rig.RouterLinesAsync("set "));
        Assert.Equal(SyncState.Pending, Assert.Single(await rig.ForwardsAsync()).SyncState);
    }

    [Fact]
    public async Task An_unknown_router_is_not_found_and_nothing_runs()
    {
        await using var rig = await ApplierRig.StartAsync();
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22));
        var before = await rig.RouterLinesAsync("set ");

        var result = await rig.Sync.SyncAsync("nope", dryRun: false, ChangeTrigger.Manual, "admin", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
        Assert.Empty(await rig.ChangesAsync());
        Assert.Equal(before, await rig.RouterLinesAsync("set "));
        Assert.Equal(SyncState.Pending, Assert.Single(await rig.ForwardsAsync()).SyncState);
    }

    [Fact]
    public async Task A_router_name_in_another_case_syncs_the_configured_router()
    {
        await using var rig = await ApplierRig.StartAsync();

        var report = Assert.Single(await rig.Sync.SyncReportsAsync("EDGE", dryRun: true, ChangeTrigger.Manual, "admin", CancellationToken.None));

        Assert.Equal("edge", report.Router);
    }

    private static async Task EditRouterAsync(ApplierRig rig, params string[] commands)
    {
        var result = await rig.Client.ApplyAsync(new RouterChangeRequest(commands), CancellationToken.None);
        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
    }
}
