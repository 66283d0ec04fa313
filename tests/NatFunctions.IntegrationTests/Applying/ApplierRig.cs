using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Applying;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.Infrastructure.Routers;
using NatFunctions.IntegrationTests.Persistence;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// A migrated SQLite file, a simulated VyOS 1.4 router (the real simulator process) and the applier wired through
/// <c>AddApplying</c>, as the app wires it.
/// </summary>
public sealed class ApplierRig : IAsyncDisposable
{
    private readonly SqliteTestDatabase database = new();
    private readonly ServiceProvider provider;
    private readonly RouterClientFactory routerFactory;

    private ApplierRig(RouterSettings router, IReadOnlyDictionary<string, string?> settings)
    {
        Router = router;
        routerFactory = new RouterClientFactory([router], NullLoggerFactory.Instance, TimeProvider.System);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IRouterClientFactory>(routerFactory)
            .AddDbContext<NatFunctionsDbContext>(options => options.UseConfiguredDatabase(database.Settings))
            .AddApplying(configuration);
        provider = services.BuildServiceProvider();
    }

    public RouterSettings Router { get; }

    public string StateDir => Router.StateDir!;

    public IRouterApplier Applier => provider.GetRequiredService<IRouterApplier>();

    public IRouterSync Sync => provider.GetRequiredService<IRouterSync>();

    public IRouterReservationSource Reservations => provider.GetRequiredService<IRouterReservationSource>();

    public IRouterClient Client => routerFactory.Get(Router.Name);

    public static async Task<ApplierRig> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string? initialConfig = null)
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
        await SimulatorInit.RunAsync(stateDir, initialConfig);

        var rig = new ApplierRig(router, settings ?? new Dictionary<string, string?>());
        await using var db = await rig.database.CreateMigratedContextAsync();
        db.IpPools.Add(new IpPool { Name = "lan", Router = "edge", Cidr = "192.168.64.0/24", RangeStart = "192.168.64.10", RangeEnd = "192.168.64.250" });
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

    /// <summary>The router's <c>show configuration commands</c> lines under a prefix.</summary>
    public async Task<string[]> RouterLinesAsync(string prefix)
    {
        var text = await Client.ReadConfigurationCommandsAsync(CancellationToken.None);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))];
    }

    public Task WriteFaultsAsync(string json) => File.WriteAllTextAsync(Path.Combine(StateDir, "faults.json"), json);

    public void ClearFaults() => File.Delete(Path.Combine(StateDir, "faults.json"));

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        routerFactory.Dispose();
        database.Dispose();
        if (Directory.Exists(StateDir)) Directory.Delete(StateDir, recursive: true);
    }
}
