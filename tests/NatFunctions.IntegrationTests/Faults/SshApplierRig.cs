using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Vyos;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Ssh;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>The applier on the sshd fixture's router, and the session arithmetic the drop-after-N faults need.</summary>
internal static class SshApplierRig
{
    public static async Task<ApplierRig> StartAsync(
        SimulatedVyosSshServer server, int commitConfirmMinutes = 0, string version = "1.4", string? initialConfig = null,
        IReadOnlyDictionary<string, string?>? settings = null, int? pipelineWindow = null)
    {
        var vyosVersion = version == "1.3" ? VyosVersion.V1_3 : version == "1.5" ? VyosVersion.V1_5 : VyosVersion.V1_4;
        // Without a configuration of its own the router gets the LAN an operator prepares (interface address, range,
        // 1.5 subnet-id): VyOS refuses our static mappings on a router without it (see ApplierRig.LanRouterConfig).
        await server.StartRouterAsync(version, initialConfig ?? ApplierRig.LanRouterConfig(vyosVersion));
        var router = server.RouterSettings() with
        {
            DhcpSharedNetwork = "LAN",
            DhcpSubnet = "192.168.64.0/24",
            CommitConfirmMinutes = commitConfirmMinutes,
            VyosVersion = vyosVersion,
        };
        if (pipelineWindow is { } window) router = router with { PipelineWindow = window };
        return await ApplierRig.StartAsync(router, server.StateDir, settings);
    }

    /// <summary>
    /// The applier on a router over <paramref name="transport"/>: <c>ssh</c>, the sshd fixture's router as
    /// <see cref="StartAsync(SimulatedVyosSshServer, int, string, string?, IReadOnlyDictionary{string, string?}?, int?)"/>;
    /// <c>http-api</c>, the simulator's HTTP API on a router of its own (VyOS 1.4, the same LAN), stopped with the rig.
    /// Faults go to <see cref="ApplierRig.WriteFaultsAsync"/>, the saved configuration is <see cref="SavedConfigAsync"/>.
    /// </summary>
    public static Task<ApplierRig> StartOverAsync(SimulatedVyosSshServer server, string transport, IReadOnlyDictionary<string, string?>? settings = null) =>
        transport switch
        {
            "ssh" => StartAsync(server, settings: settings),
            "http-api" => ApplierRig.StartOnHttpApiAsync(settings),
            _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "ssh or http-api"),
        };

    /// <summary>What the rig's router saved (<c>save</c>, <c>/config-file</c>): the configuration a reboot comes back with.</summary>
    public static Task<string> SavedConfigAsync(ApplierRig rig) => File.ReadAllTextAsync(Path.Combine(rig.StateDir, "saved.config"));

    public static async Task AddTwoVmsAsync(ApplierRig rig)
    {
        await rig.AddVmAsync("vm-a", "192.168.64.10", "02:00:00:00:00:0a", ApplierRig.Forward(10000, "ssh", 32000, 22), ApplierRig.Forward(10001, "http", 32001, 80));
        await rig.AddVmAsync("vm-b", "192.168.64.11", null, ApplierRig.Forward(10002, "ssh", 32002, 22));
    }

    /// <summary>
    /// The simulator's <c>dropAfterCommands</c> value that cuts the next session right after <paramref name="step"/>
    /// ran (its output printed, the prompt not): the session is <c>set terminal length 0</c>, <c>configure</c>, the
    /// plan's commands, <c>compare</c>, <c>commit-confirm N</c> (its <c>y</c> is an answer, not a command), the
    /// read-back, <c>confirm</c>. The plan is read with a dry run, so it is the batch the next session sends.
    /// </summary>
    public static async Task<int> DropAfterAsync(ApplierRig rig, SessionStep step)
    {
        var plan = (await rig.Sync.SyncReportsAsync("edge", dryRun: true, ChangeTrigger.Api, "test", CancellationToken.None)).Single().Plan!;
        return 2 + plan.CommandTexts.Count + step switch
        {
            SessionStep.CommitConfirm => 2,
            SessionStep.ReadBack => 3,
            _ => 4,
        };
    }
}
