using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.IntegrationTests.Persistence;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// A migrated SQLite file, a VyOS 1.4 router (the real simulator process, as the simulated transport or behind sshd)
/// and the applier wired through <c>AddApplying</c>, as the app wires it. <see cref="StartInstance"/> adds
/// further app instances on the same database and router.
/// </summary>
public sealed class ApplierRig : IAsyncDisposable
{
    private readonly SqliteTestDatabase database = new();
    private readonly List<ApplierInstance> instances = [];
    private readonly bool ownsStateDir;
    private IAsyncDisposable? router;

    private ApplierRig(RouterSettings router, string stateDir, bool ownsStateDir, IReadOnlyDictionary<string, string?> settings)
    {
        Router = router;
        StateDir = stateDir;
        this.ownsStateDir = ownsStateDir;
        instances.Add(new ApplierInstance(router, database.Settings, settings));
    }

    public RouterSettings Router { get; }

    public string StateDir { get; }

    public ApplierInstance Main => instances[0];

    public IRouterApplier Applier => Main.Applier;

    public IRouterSync Sync => Main.Sync;

    public IRouterReservationSource Reservations => Main.Reservations;

    public IRouterClient Client => Main.Client;

    /// <param name="settings">App settings (Apply:*, Sync:*, Storage:*).</param>
    /// <param name="initialConfig">The router's configuration before the test, as <c>show configuration commands</c> text.</param>
    /// <param name="adjustRouter">Changes to the simulated router's settings (commit-confirm, VyOS version…).</param>
    public static async Task<ApplierRig> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, string? initialConfig = null, Func<RouterSettings, RouterSettings>? adjustRouter = null)
    {
        var stateDir = Path.Combine(Path.GetTempPath(), "nf-applier-" + Guid.NewGuid().ToString("N")[..10]);
        var router = new RouterSettings
        {
            Name = "edge",
            Transport = RouterTransport.Simulated,
            StateDir = stateDir,
            ManagedRules = new RuleNumberRange(10000, 19999),
            DhcpSharedNetwork = "LAN",
            DhcpSubnet = "192.168.64.0/24",
        };
        var adjusted = adjustRouter is null ? router : adjustRouter(router);
        await SimulatorInit.RunAsync(stateDir, initialConfig ?? LanRouterConfig(adjusted.VyosVersion));
        return await CreateAsync(adjusted, stateDir, ownsStateDir: true, settings);
    }

    /// <summary>
    /// The rig on a transport: <c>simulated</c> (the simulator process, as <see cref="StartAsync(IReadOnlyDictionary{string, string?}?, string?, Func{RouterSettings, RouterSettings}?)"/>)
    /// or <c>http-api</c> (the simulator's HTTP API over HTTPS, <see cref="SimulatedVyosApiServer"/>, which the rig
    /// stops when disposed). Both start from the operator's LAN plus <paramref name="initialConfig"/>.
    /// </summary>
    public static async Task<ApplierRig> StartOverAsync(string transport, IReadOnlyDictionary<string, string?>? settings = null, string? initialConfig = null)
    {
        if (transport == "simulated")
        {
            return await StartAsync(settings, initialConfig is null ? null : LanRouterConfig(Core.Vyos.VyosVersion.V1_4).TrimEnd('\n') + "\n" + initialConfig);
        }

        Assert.Equal("http-api", transport);
        return await StartOnHttpApiAsync(settings, initialConfig ?? string.Empty);
    }

    /// <summary>
    /// The rig on the simulator's HTTP API (<see cref="SimulatedVyosApiServer"/>, VyOS 1.4, the operator's LAN plus
    /// <paramref name="extraConfig"/>), which the rig stops when disposed; <see cref="ApiServer"/> is that router.
    /// </summary>
    public static async Task<ApplierRig> StartOnHttpApiAsync(
        IReadOnlyDictionary<string, string?>? settings = null, string extraConfig = "", Func<RouterSettings, RouterSettings>? adjustRouter = null)
    {
        var server = await SimulatedVyosApiServer.StartAsync(extraConfig: extraConfig);
        try
        {
            var router = adjustRouter is null ? server.RouterSettings() : adjustRouter(server.RouterSettings());
            var rig = await CreateAsync(router, server.StateDir, ownsStateDir: false, settings);
            rig.router = server;
            return rig;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The router's HTTP API when the rig started it (<see cref="StartOnHttpApiAsync"/>), else null.</summary>
    public SimulatedVyosApiServer? ApiServer => router as SimulatedVyosApiServer;

    /// <summary>The LAN an operator configures before handing the router to us: see <see cref="OperatorLanConfig"/>.</summary>
    public static string LanRouterConfig(Core.Vyos.VyosVersion version) => OperatorLanConfig.For(version);

    /// <summary>
    /// A rig on a router someone else prepared (e.g. the sshd fixture's): <paramref name="stateDir"/> is its simulator
    /// state, used for faults and left in place afterwards. The router must be named <c>edge</c>.
    /// </summary>
    public static Task<ApplierRig> StartAsync(RouterSettings router, string stateDir, IReadOnlyDictionary<string, string?>? settings = null) =>
        CreateAsync(router, stateDir, ownsStateDir: false, settings);

    /// <summary>Another app instance (worker) on the same database file and router, with its own settings.</summary>
    public ApplierInstance StartInstance(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var instance = new ApplierInstance(Router, database.Settings, settings ?? new Dictionary<string, string?>());
        instances.Add(instance);
        return instance;
    }

    private static async Task<ApplierRig> CreateAsync(
        RouterSettings router, string stateDir, bool ownsStateDir, IReadOnlyDictionary<string, string?>? settings)
    {
        var rig = new ApplierRig(router, stateDir, ownsStateDir, settings ?? new Dictionary<string, string?>());
        await using var db = await rig.database.CreateMigratedContextAsync();
        db.IpPools.Add(new IpPool { Name = "lan", Router = "edge", Cidr = "192.168.64.0/24", RangeStart = "192.168.64.10", RangeEnd = "192.168.64.250" });
        db.PortPools.Add(new PortPool { Name = "wan", Router = "edge", StartPort = 32000, EndPort = 32999 });
        await db.SaveChangesAsync();
        return rig;
    }

    public NatFunctionsDbContext CreateContext() => database.CreateContext();

    /// <summary>Inserts a VM with its forwards, all pending, as provisioning commits them.</summary>
    public async Task<Vm> AddVmAsync(string machineId, string internalIp, string? mac, params PortForward[] forwards)
    {
        await using var db = database.CreateContext();
        var pool = await db.IpPools.SingleAsync();
        var vm = new Vm { MachineId = machineId, InternalIp = internalIp, Router = "edge", MacAddress = mac, IpPoolId = pool.Id };
        vm.Forwards.AddRange(forwards);
        db.Vms.Add(vm);
        await db.SaveChangesAsync();
        return vm;
    }

    /// <summary>Provisions a VM through the real use case (allocator, reservations, applier), as the API does.</summary>
    public async Task<WriteOutcome> ProvisionAsync(string machineId, string? mac = null, params string[] ports)
    {
        var result = await TryProvisionAsync(machineId, mac, ports);
        Assert.True(result.Succeeded, result.Error?.Detail);
        return result.Value!;
    }

    /// <summary>Provisions through the real use case and hands back its result, refusals included.</summary>
    public async Task<Core.Results.OperationResult<WriteOutcome>> TryProvisionAsync(string machineId, string? mac = null, params string[] ports)
    {
        await using var scope = Main.CreateScope();
        var input = new ProvisionVmInput(machineId, mac, "edge", null, ports.Length == 0 ? null : ports, null, null, null, null, null);
        return await scope.ServiceProvider.GetRequiredService<VmProvisioner>().ProvisionAsync(input, Operator, CancellationToken.None);
    }

    /// <summary>Decommissions a VM through the real use case, as the API does.</summary>
    public async Task<ApplyState> DecommissionAsync(string machineId)
    {
        await using var scope = Main.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<VmDecommissioner>().DecommissionAsync(machineId, Operator, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Detail);
        return result.Value!.RouterState;
    }

    private static Caller Operator => new("ops", ApiRole.Admin, "nf_ops");

    public static PortForward Forward(int rule, string portName, int externalPort, int internalPort) => new()
    {
        Router = "edge",
        PortName = portName,
        NatRuleNumber = rule,
        ExternalPort = externalPort,
        InternalPort = internalPort,
    };

    public async Task<List<PortForward>> ForwardsAsync()
    {
        await using var db = database.CreateContext();
        return await db.PortForwards.AsNoTracking().OrderBy(f => f.NatRuleNumber).ToListAsync();
    }

    public async Task<List<RouterChange>> ChangesAsync()
    {
        await using var db = database.CreateContext();
        return await db.RouterChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>
    /// The router's <c>show configuration commands</c> lines under a prefix, without the operator's LAN
    /// (<see cref="LanRouterConfig"/>) that the rig puts on every router it starts empty.
    /// </summary>
    public async Task<string[]> RouterLinesAsync(string prefix)
    {
        var text = await Client.ReadConfigurationCommandsAsync(CancellationToken.None);
        var lan = LanRouterConfig(Router.VyosVersion).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal) && !lan.Contains(line))];
    }

    public Task WriteFaultsAsync(string json) => File.WriteAllTextAsync(Path.Combine(StateDir, "faults.json"), json);

    public void ClearFaults() => File.Delete(Path.Combine(StateDir, "faults.json"));

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in instances) await instance.DisposeAsync();
        database.Dispose();
        if (router is not null) await router.DisposeAsync();
        if (ownsStateDir && Directory.Exists(StateDir)) Directory.Delete(StateDir, recursive: true);
    }
}
