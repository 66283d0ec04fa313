using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Routers;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// Provisioning next to objects we do not own (SQLite + simulator, through the real allocator): allocation avoids
/// them, and a row allocated while the router's reservations were stale is refused with a clear reason instead of
/// sending a rule that would clash (decision 0014).
/// </summary>
public sealed class VmProvisionerForeignObjectTests
{
    // eth1's address inside the subnet: sagitta:src/conf_mode/service_dhcp-server.py verify() serves no subnet otherwise.
    private const string Foreign = """
        set interfaces ethernet eth1 address '192.168.64.1/24'
        set nat destination rule 10000 description 'legacy jump host'
        set nat destination rule 10000 destination port '32000'
        set nat destination rule 10000 inbound-interface name 'eth0'
        set nat destination rule 10000 protocol 'tcp'
        set nat destination rule 10000 translation address '192.168.64.30'
        set nat destination rule 10000 translation port '22'
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer ip-address '192.168.64.10'
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer mac-address '00:11:22:33:44:55'

        """;

    [Fact]
    public async Task A_vm_provisioned_next_to_a_foreign_rule_and_mapping_gets_the_next_free_number_port_and_ip()
    {
        await using var rig = await ApplierRig.StartAsync(initialConfig: Foreign);
        var before = await rig.RouterLinesAsync("set ");

        var outcome = await rig.ProvisionAsync("vm-a", "02:00:00:00:00:0a", "ssh");

        Assert.Equal(ApplyState.Applied, outcome.State);
        Assert.Equal("192.168.64.11", outcome.Vm!.InternalIp);
        var forward = Assert.Single(await rig.ForwardsAsync());
        Assert.Equal((10001, 32001, SyncState.Applied), (forward.NatRuleNumber, forward.ExternalPort, forward.SyncState));
        var after = await rig.RouterLinesAsync("set ");
        Assert.All(before, line => Assert.Contains(line, after));
        Assert.Contains("set nat destination rule 10001 destination port '32001'", after);
    }

    [Fact]
    public async Task A_mac_a_foreign_mapping_holds_is_refused_at_provision_and_nothing_is_written()
    {
        await using var rig = await ApplierRig.StartAsync(initialConfig: Foreign);
        var before = await rig.RouterLinesAsync("set ");

        var refused = await rig.TryProvisionAsync("vm-a", "00:11:22:33:44:55", "ssh");

        Assert.Equal(Core.Results.ErrorKind.Conflict, refused.Error!.Kind);
        Assert.Contains("already given on router 'edge' to the DHCP static mapping 'printer'", refused.Error.Detail, StringComparison.Ordinal);
        Assert.Empty(await rig.ForwardsAsync());
        Assert.Equal(before, await rig.RouterLinesAsync("set "));
    }

    [Fact]
    public async Task A_row_allocated_on_stale_reservations_is_refused_with_the_clash_named_and_the_foreign_rules_stay()
    {
        await using var rig = await ApplierRig.StartAsync();
        Assert.Empty((await rig.Reservations.GetAsync("edge", CancellationToken.None)).UnownedRuleNumbers);

        // Someone adds rules behind our back after the reservations were read: one on our next number, one on our next port.
        var foreign = Foreign.Replace("10000", "10050", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("set nat", StringComparison.Ordinal))
            .Concat([
                "set nat destination rule 10000 description 'hand made'",
                // With no port it would take every port of eth0 (decision 0019): a port of its own keeps it to the number.
                "set nat destination rule 10000 destination port '9999'",
                "set nat destination rule 10000 protocol 'tcp'",
                "set nat destination rule 10000 inbound-interface name 'eth0'",
                "set nat destination rule 10000 translation address '192.168.64.31'"])
            .ToArray();
        Assert.Equal(RouterSessionOutcome.Committed, (await rig.Client.ApplyAsync(new RouterChangeRequest(foreign), CancellationToken.None)).Outcome);
        var before = await rig.RouterLinesAsync("set ");

        var refused = await rig.ProvisionAsync("vm-a", null, "ssh", "http");

        // Nothing half-done: the caller is told which foreign rule is in the way, and its rows and rules are gone again.
        Assert.Equal(ApplyState.Rejected, refused.State);
        Assert.Contains("external port 32000 is already forwarded on the router by rule 10050", refused.RouterMessage, StringComparison.Ordinal);
        Assert.Empty(await rig.ForwardsAsync());
        Assert.Equal(before, await rig.RouterLinesAsync("set "));

        // The reconcile refreshed the reservations, so the retry gets values clear of both foreign rules.
        var retried = await rig.ProvisionAsync("vm-a", null, "ssh", "http");

        Assert.Equal(ApplyState.Applied, retried.State);
        Assert.Equal([(10001, 32001), (10002, 32002)], (await rig.ForwardsAsync()).Select(f => (f.NatRuleNumber, f.ExternalPort)));
        await using (var db = rig.CreateContext())
        {
            Assert.Empty(await db.PendingRemovals.ToListAsync());
        }

        await rig.AddVmAsync("vm-b", "192.168.64.40", null, ApplierRig.Forward(10003, "ssh", 32000, 22));
        var report = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Manual, "admin", CancellationToken.None));

        var clash = Assert.Single(report.Plan!.Refused);
        Assert.Equal(10003, clash.RuleNumber);
        Assert.Contains("external port 32000 is already forwarded on the router by rule 10050", clash.Reason, StringComparison.Ordinal);
        Assert.Empty(await rig.RouterLinesAsync("set nat destination rule 10003 "));
    }

    [Fact]
    public async Task In_report_mode_a_write_deletes_only_what_writes_removed_and_the_report_lists_the_drift()
    {
        await using var rig = await ApplierRig.StartAsync(new Dictionary<string, string?> { ["Sync:Mode"] = "report" });
        await rig.ProvisionAsync("vm-a", "02:00:00:00:00:0a", "ssh");
        var ghost = new[]
        {
            "set nat destination rule 10500 description 'nf:ghost:ssh'",
            "set nat destination rule 10500 destination port '32500'",
            "set nat destination rule 10500 inbound-interface name 'eth0'",
            "set nat destination rule 10500 protocol 'tcp'",
            "set nat destination rule 10500 translation address '192.168.64.99'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-ghost ip-address '192.168.64.99'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-ghost mac-address '02:00:00:00:00:99'",
        };
        Assert.Equal(RouterSessionOutcome.Committed, (await rig.Client.ApplyAsync(new RouterChangeRequest(ghost), CancellationToken.None)).Outcome);

        Assert.Equal(ApplyState.Applied, (await rig.ProvisionAsync("vm-b", "02:00:00:00:00:0b", "ssh")).State);
        var afterProvision = await rig.RouterLinesAsync("set ");
        var report = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None));
        Assert.Equal(ApplyState.Applied, await rig.DecommissionAsync("vm-a"));
        var afterDecommission = await rig.RouterLinesAsync("set ");

        Assert.All(ghost, line => Assert.Contains(line, afterProvision));
        Assert.Contains(afterProvision, line => line.Contains("static-mapping nf-vm-b ", StringComparison.Ordinal));
        Assert.Equal(SyncOutcome.Reported, report.Outcome);
        Assert.Equal(["nat destination rule 10500", "dhcp static-mapping nf-ghost"], report.Plan!.Deleted.Select(change => change.Key.ToString()));
        Assert.All(ghost, line => Assert.Contains(line, afterDecommission));
        Assert.DoesNotContain(afterDecommission, line => line.Contains("vm-a", StringComparison.Ordinal));
        Assert.Contains(afterDecommission, line => line.Contains("nf:vm-b:ssh", StringComparison.Ordinal));
        await using var db = rig.CreateContext();
        Assert.Empty(await db.PendingRemovals.ToListAsync());
    }

    [Fact]
    public async Task A_report_mode_sync_marks_no_row_failed()
    {
        await using var rig = await ApplierRig.StartAsync(new Dictionary<string, string?> { ["Sync:Mode"] = "report" }, initialConfig: Foreign);
        await rig.AddVmAsync("vm-a", "192.168.64.40", null, ApplierRig.Forward(10000, "ssh", 32100, 22));

        var report = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None));

        Assert.Equal(SyncOutcome.Reported, report.Outcome);
        Assert.Equal(10000, Assert.Single(report.Plan!.Refused).RuleNumber);
        Assert.Equal((SyncState.Pending, (string?)null), await rig.ForwardsAsync().ContinueWith(t => (t.Result[0].SyncState, t.Result[0].LastError), TaskScheduler.Default));
    }

    [Fact]
    public async Task A_decommission_that_could_not_reach_the_router_is_finished_by_the_next_write_in_report_mode()
    {
        await using var rig = await ApplierRig.StartAsync(new Dictionary<string, string?> { ["Sync:Mode"] = "report" });
        await rig.ProvisionAsync("vm-a", null, "ssh");
        await rig.WriteFaultsAsync("""{"dropAfterCommands": 0}""");
        Assert.Equal(ApplyState.Pending, await rig.DecommissionAsync("vm-a"));
        rig.ClearFaults();
        await using (var db = rig.CreateContext())
        {
            Assert.Single(await db.PendingRemovals.Where(removal => removal.RuleNumber == 10000).ToListAsync());
        }

        await rig.ProvisionAsync("vm-b", null, "http");

        var lines = await rig.RouterLinesAsync("set nat destination rule ");
        Assert.DoesNotContain(lines, line => line.Contains("vm-a", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("nf:vm-b:http", StringComparison.Ordinal));
        await using var after = rig.CreateContext();
        Assert.Empty(await after.PendingRemovals.ToListAsync());
    }
}
