using NatFunctions.Core.Domain;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// The applier against a real SQLite file and the real simulator process (simulated transport, VyOS 1.4); the
/// provisioning and rejection cases also over the simulator's HTTP API (transport http-api, decision 0025).
/// </summary>
public sealed class GroupCommitApplierTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("simulated")]
    [InlineData("http-api")]
    public async Task Pending_rows_reach_the_router_exactly_as_specified_and_become_applied(string transport)
    {
        await using var rig = await ApplierRig.StartOverAsync(transport);
        var web = ApplierRig.Forward(10001, "web", 32001, 8080);
        web.Protocol = ForwardProtocol.TcpUdp;
        web.SourceIp = "203.0.113.0/24";
        web.CustomDescription = "blog; $(reboot) `id`";
        web.Status = ForwardStatus.Disabled;
        await rig.AddVmAsync("vm-a", "192.168.64.10", "02:00:00:00:00:0a", ApplierRig.Forward(10000, "ssh", 32000, 22), web);

        var finished = await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);

        Assert.True(finished);
        Assert.Equal(
            [
                "set nat destination rule 10000 description 'nf:vm-a:ssh'",
                "set nat destination rule 10000 destination port '32000'",
                "set nat destination rule 10000 inbound-interface name 'eth0'",
                "set nat destination rule 10000 protocol 'tcp'",
                "set nat destination rule 10000 translation address '192.168.64.10'",
                "set nat destination rule 10000 translation port '22'",
                "set nat destination rule 10001 description 'nf:vm-a:web blog; $(reboot) `id`'",
                "set nat destination rule 10001 destination port '32001'",
                "set nat destination rule 10001 disable",
                "set nat destination rule 10001 inbound-interface name 'eth0'",
                "set nat destination rule 10001 protocol 'tcp_udp'",
                "set nat destination rule 10001 source address '203.0.113.0/24'",
                "set nat destination rule 10001 translation address '192.168.64.10'",
                "set nat destination rule 10001 translation port '8080'",
            ],
            await rig.RouterLinesAsync("set nat "));
        Assert.Equal(
            [
                "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a ip-address '192.168.64.10'",
                "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a mac-address '02:00:00:00:00:0a'",
            ],
            await rig.RouterLinesAsync("set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping "));
        Assert.All(await rig.ForwardsAsync(), forward => Assert.Equal((SyncState.Applied, null), (forward.SyncState, forward.LastError)));
        await using (var db = rig.CreateContext())
        {
            Assert.Equal(SyncState.Applied, db.Vms.Single().DhcpSyncState);
        }

        var change = Assert.Single(await rig.ChangesAsync());
        Assert.Equal((ChangeResult.Committed, ChangeTrigger.Api, "ops", 3), (change.Result, change.Trigger, change.Actor, change.DriftMissing));
        Assert.Contains("set nat destination rule 10001 disable", change.Commands.Split('\n'));
        // The audit holds the session: the CLI's prompts, or the API's requests and answers.
        Assert.Contains(transport == "http-api" ? "POST /configure [{\"op\":\"set\"" : "[edit]", change.RouterOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_with_a_value_vyos_would_refuse_fails_before_the_router_and_the_rest_of_the_batch_is_applied()
    {
        await using var rig = await ApplierRig.StartAsync();
        var bad = ApplierRig.Forward(10001, "web", 32001, 80);
        bad.SourceIp = "300.1.1.1";
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22), bad, ApplierRig.Forward(10002, "https", 32002, 443));

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);

        var forwards = await rig.ForwardsAsync();
        Assert.Equal([SyncState.Applied, SyncState.Failed, SyncState.Applied], forwards.Select(f => f.SyncState));
        Assert.Contains("300.1.1.1", forwards[1].LastError, StringComparison.Ordinal);
        // The renderer refuses what VyOS's validators would (decision 0016), so the router never sees the row.
        Assert.Contains("it is not an IPv4 address or network", forwards[1].LastError, StringComparison.Ordinal);
        var rules = await rig.RouterLinesAsync("set nat destination rule ");
        Assert.Contains("set nat destination rule 10000 description 'nf:vm-a:ssh'", rules);
        Assert.Contains("set nat destination rule 10002 description 'nf:vm-a:https'", rules);
        Assert.DoesNotContain(rules, line => line.StartsWith("set nat destination rule 10001 ", StringComparison.Ordinal));
        Assert.Equal([ChangeResult.Committed], (await rig.ChangesAsync()).Select(c => c.Result));
    }

    [Theory]
    [InlineData("simulated")]
    [InlineData("http-api")]
    public async Task A_dhcp_mapping_the_router_rejects_is_failed_with_the_vyos_text(string transport)
    {
        await using var rig = await ApplierRig.StartOverAsync(transport);
        await rig.WriteFaultsAsync("""{"failCommit": "Injected DHCP failure"}""");
        await rig.AddVmAsync("vm-a", "192.168.64.10", "02:00:00:00:00:0a");

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);

        await using var db = rig.CreateContext();
        var vm = db.Vms.Single();
        Assert.Equal(SyncState.Failed, vm.DhcpSyncState);
        Assert.Contains("Injected DHCP failure", vm.DhcpLastError, StringComparison.Ordinal);
        Assert.Empty(await rig.RouterLinesAsync("set service dhcp-server "));
    }

    [Fact]
    public async Task With_the_router_down_rows_stay_pending_with_the_error_and_are_applied_once_it_is_back()
    {
        await using var rig = await ApplierRig.StartAsync();
        await rig.WriteFaultsAsync("""{"dropAfterCommands": 0}""");
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22));

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        var whileDown = Assert.Single(await rig.ForwardsAsync());
        var downChange = Assert.Single(await rig.ChangesAsync());

        rig.ClearFaults();
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);
        var afterRecovery = Assert.Single(await rig.ForwardsAsync());

        Assert.Equal(SyncState.Pending, whileDown.SyncState);
        Assert.False(string.IsNullOrEmpty(whileDown.LastError));
        Assert.Equal(ChangeResult.TransportError, downChange.Result);
        Assert.Equal((SyncState.Applied, null), (afterRecovery.SyncState, afterRecovery.LastError));
        Assert.Contains("set nat destination rule 10000 translation port '22'", await rig.RouterLinesAsync("set nat "));
    }

    [Fact]
    public async Task A_row_edited_during_the_session_stays_pending_for_the_next_round()
    {
        await using var rig = await ApplierRig.StartAsync();
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22));
        // Slow commits give the edit below time to land while the session runs.
        await rig.WriteFaultsAsync("""{"commitDelayMs": 3000}""");

        var applying = rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using (var db = rig.CreateContext())
        {
            var forward = db.PortForwards.Single();
            forward.InternalPort = 2222;
            await db.SaveChangesAsync();
        }

        await applying;
        var afterFirst = Assert.Single(await rig.ForwardsAsync());
        rig.ClearFaults();
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);

        Assert.Equal(SyncState.Pending, afterFirst.SyncState);
        Assert.Equal(SyncState.Applied, Assert.Single(await rig.ForwardsAsync()).SyncState);
        Assert.Contains("set nat destination rule 10000 translation port '2222'", await rig.RouterLinesAsync("set nat "));
    }

    [Fact]
    public async Task Reservations_list_what_foreign_rules_and_mappings_use()
    {
        await using var rig = await ApplierRig.StartAsync(initialConfig: string.Join('\n',
            "set nat destination rule 10 destination port '80,8000-8001'",
            "set nat destination rule 10 inbound-interface name 'eth0'",
            "set nat destination rule 10 protocol 'tcp'",
            "set nat destination rule 10 translation address '192.168.64.5'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer ip-address '192.168.64.20'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer mac-address '02:00:00:00:99:99'",
            ""));

        var reservations = await rig.Reservations.GetAsync("edge", CancellationToken.None);

        Assert.Equal([10], reservations.UnownedRuleNumbers);
        Assert.Equal([80, 8000, 8001], reservations.UnownedExternalPorts.Order());
        Assert.Equal(["192.168.64.20"], reservations.UnownedStaticIps);
        Assert.NotNull(reservations.ObservedAt);
    }
}
