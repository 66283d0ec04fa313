using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Faults;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.VyosFidelity;

/// <summary>
/// DHCP static mappings as each VyOS line takes them, over real sshd and the faithful simulator: the MAC leaf's name
/// (1.3/1.4 <c>mac-address</c>, 1.5 <c>mac</c>), 1.5's subnet-id, VyOS's refusal of a MAC another mapping holds, and
/// which object a refused commit is blamed on when warnings come first.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class DhcpMappingFidelityTests(SimulatedVyosSshServer server)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Fails on main's renderer, which wrote <c>mac</c> on 1.4: sagitta:interface-definitions/service_dhcp-server.xml.in
    /// defines only <c>static-mapping &lt;name&gt; mac-address</c> (the rename to <c>mac</c> is circinus's migration
    /// dhcp-server/8-to-9), so every mapping was refused at <c>set</c> and its VM frozen.
    /// </summary>
    [Theory]
    [InlineData("1.3", "mac-address")]
    [InlineData("1.4", "mac-address")]
    [InlineData("1.5", "mac")]
    public async Task A_provisioned_vm_gets_the_mac_leaf_its_VyOS_line_defines_and_the_mapping_is_applied(string version, string macLeaf)
    {
        await using var rig = await SshApplierRig.StartAsync(server, version: version);

        var outcome = await rig.ProvisionAsync("vm-a", "52:54:00:aa:00:01", "ssh");

        Assert.Equal(ApplyState.Applied, outcome.State);
        var mapping = $"set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a";
        var lines = await rig.RouterLinesAsync("set service dhcp-server ");
        Assert.Contains($"{mapping} {macLeaf} '52:54:00:aa:00:01'", lines);
        Assert.Contains($"{mapping} ip-address '{outcome.Vm!.InternalIp}'", lines);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 1);
    }

    /// <summary>
    /// sagitta/circinus:src/conf_mode/service_dhcp-server.py verify() refuses a MAC that another static mapping of the
    /// subnet holds ("Configured MAC address for static mapping … already exists on another static mapping"). Fails
    /// before the foreign-MAC check: the VM was accepted and its mapping then refused at commit.
    /// </summary>
    [Theory]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public async Task A_mac_a_foreign_mapping_holds_is_refused_at_provision_and_nothing_reaches_the_router(string version)
    {
        var macLeaf = version == "1.5" ? "mac" : "mac-address";
        var lan = OperatorLanConfig.For(version == "1.5" ? VyosVersion.V1_5 : VyosVersion.V1_4);
        var printer = "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping printer ";
        await using var rig = await SshApplierRig.StartAsync(
            server, version: version, initialConfig: lan + $"{printer}ip-address '192.168.64.250'\n{printer}{macLeaf} '00:11:22:33:44:55'\n");
        var before = await rig.RouterLinesAsync("set ");

        var refused = await rig.TryProvisionAsync("vm-a", "00:11:22:33:44:55", "ssh");

        Assert.Equal(Core.Results.ErrorKind.Conflict, refused.Error!.Kind);
        Assert.Contains("static mapping 'printer'", refused.Error.Detail, StringComparison.Ordinal);
        Assert.Empty(await rig.ForwardsAsync());
        Assert.Empty(await rig.ChangesAsync());
        Assert.Equal(before, await rig.RouterLinesAsync("set "));
    }

    /// <summary>
    /// circinus:src/conf_mode/service_dhcp-server.py verify() refuses every DHCP commit while a subnet has no subnet-id
    /// ("Unique subnet ID not specified for subnet"). That is the router's setting, not the VM's: the forwards go out,
    /// the mapping waits with the reason, nothing is frozen, and it is applied once the operator sets a subnet-id.
    /// Fails before the hold: the mapping's commit was refused and the VM's rows were frozen as failed.
    /// </summary>
    [Fact]
    public async Task On_1_5_a_subnet_without_subnet_id_holds_the_mapping_until_the_operator_sets_one()
    {
        var withoutSubnetId = string.Join('\n', OperatorLanConfig.For(VyosVersion.V1_5).Split('\n').Where(line => !line.Contains("subnet-id", StringComparison.Ordinal)));
        await using var rig = await SshApplierRig.StartAsync(server, version: "1.5", initialConfig: withoutSubnetId + "\n");

        var outcome = await rig.ProvisionAsync("vm-a", "52:54:00:aa:00:01", "ssh");
        var held = await VmAsync(rig);
        var forwardsWhileHeld = await rig.ForwardsAsync();
        var mappingsWhileHeld = await rig.RouterLinesAsync("set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping");
        var fix = await rig.Client.ApplyAsync(
            new RouterChangeRequest(["set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 subnet-id '7'"]), CancellationToken.None);
        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Timer, null, Wait, CancellationToken.None);
        var applied = await VmAsync(rig);

        Assert.Equal(SyncState.Applied, Assert.Single(forwardsWhileHeld).SyncState);
        Assert.Equal(SyncState.Pending, held.DhcpSyncState);
        Assert.Contains("subnet-id", held.DhcpLastError, StringComparison.Ordinal);
        Assert.Empty(mappingsWhileHeld);
        Assert.NotEqual(ApplyState.Rejected, outcome.State);
        Assert.Equal(RouterSessionOutcome.Committed, fix.Outcome);
        Assert.Equal((SyncState.Applied, null), (applied.DhcpSyncState, applied.DhcpLastError));
        Assert.Contains(
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-a mac '52:54:00:aa:00:01'",
            await rig.RouterLinesAsync("set service dhcp-server "));
    }

    /// <summary>
    /// nat.py prints a warning for every rule whose inbound interface does not exist (sagitta:src/conf_mode/nat.py
    /// verify(), BaseWarning) before service_dhcp-server.py raises its error for one mapping. Here the error comes from
    /// an admin's commit that lands after our session read the configuration: a foreign mapping taking vm-b's MAC
    /// ("Configured MAC address for static mapping "nf-vm-b" already exists on another static mapping"). Fails on
    /// main's locator, which blamed the first "rule N" in the output, a warning: vm-a's valid rule was frozen.
    /// </summary>
    [Fact]
    public async Task When_warnings_precede_the_error_only_the_object_the_error_names_is_refused()
    {
        // No eth0 on this router: every rule draws the missing-interface warning.
        await using var rig = await SshApplierRig.StartAsync(server, version: "1.4");
        await rig.AddVmAsync("vm-a", "192.168.64.10", null, ApplierRig.Forward(10000, "ssh", 32000, 22));
        await rig.AddVmAsync("vm-b", "192.168.64.11", "02:00:00:00:00:0b", ApplierRig.Forward(10001, "ssh", 32001, 22));
        var printer = "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping aaa-printer ";
        await server.SetFaultsAsync($$"""{"concurrentSetsBeforeCommit": ["{{printer}}ip-address '192.168.64.250'", "{{printer}}mac-address '02:00:00:00:00:0b'"]}""");

        await rig.Applier.ApplyPendingAsync("edge", ChangeTrigger.Api, "ops", Wait, CancellationToken.None);
        await server.SetFaultsAsync("{}");

        var forwards = await rig.ForwardsAsync();
        await using var db = rig.CreateContext();
        var vmB = await db.Vms.AsNoTracking().SingleAsync(vm => vm.MachineId == "vm-b");
        var firstCommit = (await rig.ChangesAsync())[0];
        Assert.Contains("WARNING: Interface \"eth0\" for destination NAT rule \"10000\"", firstCommit.RouterOutput, StringComparison.Ordinal);
        Assert.Contains("static mapping \"nf-vm-b\" already exists", firstCommit.RouterOutput, StringComparison.Ordinal);
        Assert.All(forwards, forward => Assert.Equal((SyncState.Applied, null), (forward.SyncState, forward.LastError)));
        Assert.Equal(SyncState.Failed, vmB.DhcpSyncState);
        Assert.StartsWith("Configured MAC address for static mapping \"nf-vm-b\" already exists", vmB.DhcpLastError, StringComparison.Ordinal);
        var nat = await rig.RouterLinesAsync("set nat ");
        Assert.Contains("set nat destination rule 10000 translation address '192.168.64.10'", nat);
        Assert.Contains("set nat destination rule 10001 translation address '192.168.64.11'", nat);
    }

    private static async Task<Vm> VmAsync(ApplierRig rig)
    {
        await using var db = rig.CreateContext();
        return await db.Vms.AsNoTracking().SingleAsync(vm => vm.MachineId == "vm-a");
    }
}
