using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Pools;
using NatFunctions.Core.Results;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.Infrastructure.Pools;
using NatFunctions.Infrastructure.Routers;
using NatFunctions.IntegrationTests.Persistence;

namespace NatFunctions.IntegrationTests.Pools;

/// <summary>IP pool administration against a real SQLite file.</summary>
public sealed class IpPoolAdministrationTests : IDisposable
{
    private const string Lan = "192.168.64.0/24";

    private readonly SqliteTestDatabase database = new();
    private readonly RouterClientFactory routers = ConfiguredRouters.Create();

    [Fact]
    public async Task A_pool_is_created_listed_replaced_and_deleted()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var pools = Administration(context);

        var created = await pools.CreateAsync(Definition("lan-a", "192.168.64.10", "192.168.64.200"), CancellationToken.None);
        var onSecond = await pools.CreateAsync(Definition("lan-b", "192.168.64.10", "192.168.64.200", router: "edge_2"), CancellationToken.None);
        var replaced = await pools.ReplaceAsync(
            "lan-a", new IpPoolDefinition(null, null, Lan, "192.168.64.10", "192.168.64.250", IsActive: false), CancellationToken.None);
        var replacedAgain = await pools.ReplaceAsync(
            "lan-a", new IpPoolDefinition("lan-a", "edge-1", Lan, "192.168.64.20", "192.168.64.250", IsActive: null), CancellationToken.None);
        var listed = await pools.ListAsync(CancellationToken.None);

        Assert.Equal(
            new { Router = "edge-1", Cidr = Lan, RangeStart = "192.168.64.10", RangeEnd = "192.168.64.200", IsActive = true, Capacity = 191L, Used = 0L, Free = 191L },
            new { created.Value!.Router, created.Value.Cidr, created.Value.RangeStart, created.Value.RangeEnd, created.Value.IsActive, created.Value.Capacity, created.Value.Used, created.Value.Free });
        Assert.Equal(ConfiguredRouters.Second, onSecond.Value!.Router);
        Assert.Equal((241L, false), (replaced.Value!.Capacity, replaced.Value.IsActive));
        Assert.Equal((231L, false), (replacedAgain.Value!.Capacity, replacedAgain.Value.IsActive));
        Assert.Equal(["lan-a", "lan-b"], listed.Select(pool => pool.Name));
        await using (var fresh = database.CreateContext())
        {
            var stored = await fresh.IpPools.SingleAsync(pool => pool.Name == "lan-a");
            Assert.Equal(("192.168.64.20", "192.168.64.250", false), (stored.RangeStart, stored.RangeEnd, stored.IsActive));
        }

        Assert.True((await pools.DeleteAsync("lan-a", CancellationToken.None)).Value);
        Assert.Equal(ErrorKind.NotFound, (await pools.GetAsync("lan-a", CancellationToken.None)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await pools.DeleteAsync("lan-a", CancellationToken.None)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await pools.GetAsync("Not A Name'", CancellationToken.None)).Error!.Kind);
        await using (var fresh = database.CreateContext())
        {
            Assert.Equal(["lan-b"], await fresh.IpPools.Select(pool => pool.Name).ToListAsync());
        }
    }

    [Fact]
    public async Task A_pool_of_a_router_with_a_dhcp_subnet_must_lie_inside_it_and_nothing_is_written_otherwise()
    {
        using var dhcpRouters = new RouterClientFactory(
            [new Core.Routers.RouterSettings
            {
                Name = "dhcp-edge",
                Transport = Core.Routers.RouterTransport.Simulated,
                StateDir = Path.Combine(Path.GetTempPath(), "nf-tests", "unused-router-state", "dhcp-edge"),
                DhcpSharedNetwork = "LAN",
                DhcpSubnet = Lan,
            }],
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            TimeProvider.System);
        await using var context = await database.CreateMigratedContextAsync();
        var pools = new IpPoolAdministration(new EfIpPoolRepository(context), dhcpRouters);

        var outside = await pools.CreateAsync(new IpPoolDefinition("lan-x", "dhcp-edge", "10.9.9.0/24", "10.9.9.10", "10.9.9.20", null), CancellationToken.None);
        var inside = await pools.CreateAsync(new IpPoolDefinition("lan-a", "dhcp-edge", Lan, "192.168.64.10", "192.168.64.20", null), CancellationToken.None);
        var movedOut = await pools.ReplaceAsync("lan-a", new IpPoolDefinition(null, null, "10.9.9.0/24", "10.9.9.10", "10.9.9.20", null), CancellationToken.None);

        Assert.Equal(ErrorKind.Validation, outside.Error!.Kind);
        Assert.Contains("must lie inside the DHCP subnet 192.168.64.0/24 of router 'dhcp-edge'", Assert.Single(outside.Error.FieldErrors!["range_start"]), StringComparison.Ordinal);
        Assert.NotNull(inside.Value);
        Assert.Equal(ErrorKind.Validation, movedOut.Error!.Kind);
        await using var fresh = database.CreateContext();
        Assert.Equal([("lan-a", Lan)], await fresh.IpPools.Select(pool => ValueTuple.Create(pool.Name, pool.Cidr)).ToListAsync());
    }

    [Fact]
    public async Task Invalid_requests_name_every_bad_field_never_echo_it_and_write_nothing()
    {
        const string hostile = "1.2.3.4'; $(reboot)\n";
        await using var context = await database.CreateMigratedContextAsync();
        var pools = Administration(context);

        var result = await pools.CreateAsync(
            new IpPoolDefinition("Bad Name;", "nowhere", "192.168.64.1/24", hostile, null, null), CancellationToken.None);
        var unknownRouterOnly = await pools.CreateAsync(Definition("lan-a", "192.168.64.10", "192.168.64.20", router: "nowhere"), CancellationToken.None);

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal(["cidr", "name", "range_end", "range_start", "router"], result.Error.FieldErrors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["is required and must name a configured router (edge-1, Edge_2)"], unknownRouterOnly.Error!.FieldErrors!["router"]);
        Assert.All(
            result.Error.FieldErrors.Values.SelectMany(messages => messages),
            message => Assert.False(message.Contains("reboot", StringComparison.Ordinal) || message.Contains("nowhere", StringComparison.Ordinal)));
        await using var fresh = database.CreateContext();
        Assert.Empty(fresh.IpPools);
    }

    [Fact]
    public async Task A_replace_that_breaks_a_rule_leaves_the_pool_as_it_was()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var pools = Administration(context);
        await pools.CreateAsync(Definition("lan-a", "192.168.64.10", "192.168.64.200"), CancellationToken.None);

        var badRange = await pools.ReplaceAsync("lan-a", Definition(null, "192.168.64.0", "192.168.64.200", router: null), CancellationToken.None);
        var renamed = await pools.ReplaceAsync("lan-a", Definition("lan-z", "192.168.64.10", "192.168.64.200", router: null), CancellationToken.None);
        var moved = await pools.ReplaceAsync("lan-a", Definition(null, "192.168.64.10", "192.168.64.200", router: ConfiguredRouters.Second), CancellationToken.None);
        var missing = await pools.ReplaceAsync("lan-q", Definition(null, "192.168.64.10", "192.168.64.200", router: null), CancellationToken.None);

        Assert.Equal(["range_start"], badRange.Error!.FieldErrors!.Keys);
        Assert.Equal(["name"], renamed.Error!.FieldErrors!.Keys);
        Assert.Equal(["router"], moved.Error!.FieldErrors!.Keys);
        Assert.Equal(ErrorKind.NotFound, missing.Error!.Kind);
        await using var fresh = database.CreateContext();
        var stored = await fresh.IpPools.SingleAsync();
        Assert.Equal(("lan-a", "edge-1", "192.168.64.10", "192.168.64.200"), (stored.Name, stored.Router, stored.RangeStart, stored.RangeEnd));
    }

    [Fact]
    public async Task A_duplicate_name_conflicts_even_on_another_router()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var pools = Administration(context);
        await pools.CreateAsync(Definition("lan-a", "192.168.64.10", "192.168.64.20"), CancellationToken.None);

        var duplicate = await pools.CreateAsync(Definition("lan-a", "192.168.64.10", "192.168.64.20", router: ConfiguredRouters.Second), CancellationToken.None);

        Assert.Equal(ErrorKind.Conflict, duplicate.Error!.Kind);
        Assert.Equal(["ip_pool:lan-a"], duplicate.Error.Conflicts);
        await using var fresh = database.CreateContext();
        Assert.Single(fresh.IpPools);
    }

    [Fact]
    public async Task Pools_of_one_router_may_share_a_network_but_never_an_address()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var pools = Administration(context);

        var first = await pools.CreateAsync(Definition("lan-a", "192.168.64.10", "192.168.64.100"), CancellationToken.None);
        var sameNetwork = await pools.CreateAsync(Definition("lan-b", "192.168.64.101", "192.168.64.200"), CancellationToken.None);
        var otherRouter = await pools.CreateAsync(Definition("lan-c", "192.168.64.10", "192.168.64.100", router: ConfiguredRouters.Second), CancellationToken.None);
        var sharedAddresses = await pools.CreateAsync(Definition("lan-d", "192.168.64.150", "192.168.64.160"), CancellationToken.None);
        var overlappingNetwork = await pools.CreateAsync(
            new IpPoolDefinition("lan-e", ConfiguredRouters.First, "192.168.64.0/23", "192.168.65.10", "192.168.65.20", null), CancellationToken.None);
        var grown = await pools.ReplaceAsync("lan-b", Definition(null, "192.168.64.90", "192.168.64.200", router: null), CancellationToken.None);
        var keptOwnRange = await pools.ReplaceAsync("lan-b", Definition(null, "192.168.64.101", "192.168.64.210", router: null), CancellationToken.None);

        Assert.True(first.Succeeded && sameNetwork.Succeeded && otherRouter.Succeeded && keptOwnRange.Succeeded);
        Assert.Equal(ErrorKind.Conflict, sharedAddresses.Error!.Kind);
        Assert.Equal(["ip_pool:lan-b:192.168.64.0/24:192.168.64.101-192.168.64.200"], sharedAddresses.Error.Conflicts);
        Assert.Equal(
            ["ip_pool:lan-a:192.168.64.0/24:192.168.64.10-192.168.64.100", "ip_pool:lan-b:192.168.64.0/24:192.168.64.101-192.168.64.200"],
            overlappingNetwork.Error!.Conflicts);
        Assert.Equal(["ip_pool:lan-a:192.168.64.0/24:192.168.64.10-192.168.64.100"], grown.Error!.Conflicts);
        await using var fresh = database.CreateContext();
        Assert.Equal(["lan-a", "lan-b", "lan-c"], await fresh.IpPools.OrderBy(pool => pool.Name).Select(pool => pool.Name).ToListAsync());
    }

    [Fact]
    public async Task Shrinking_or_deleting_a_pool_in_use_is_refused_with_the_vms_in_the_way()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var pools = Administration(context);
        await pools.CreateAsync(Definition("lan-a", "192.168.64.10", "192.168.64.200"), CancellationToken.None);
        var pool = await context.IpPools.SingleAsync();
        var vmA = await ProvisionedVms.AddAsync(context, pool, "vm-a", "192.168.64.10");
        var vmB = await ProvisionedVms.AddAsync(context, pool, "vm-b", "192.168.64.150");

        var usage = await pools.GetAsync("lan-a", CancellationToken.None);
        var shrunk = await pools.ReplaceAsync("lan-a", Definition(null, "192.168.64.10", "192.168.64.100", router: null), CancellationToken.None);
        var moved = await pools.ReplaceAsync(
            "lan-a", new IpPoolDefinition(null, null, "10.0.0.0/24", "10.0.0.10", "10.0.0.200", null), CancellationToken.None);
        var deleted = await pools.DeleteAsync("lan-a", CancellationToken.None);
        var narrowedAroundVms = await pools.ReplaceAsync("lan-a", Definition(null, "192.168.64.10", "192.168.64.150", router: null), CancellationToken.None);

        Assert.Equal((191L, 2L, 189L), (usage.Value!.Capacity, usage.Value.Used, usage.Value.Free));
        Assert.Equal(ErrorKind.Conflict, shrunk.Error!.Kind);
        Assert.Equal(["vm:vm-b:192.168.64.150"], shrunk.Error.Conflicts);
        Assert.Contains("1 address", shrunk.Error.Detail, StringComparison.Ordinal);
        Assert.Equal(["vm:vm-a:192.168.64.10", "vm:vm-b:192.168.64.150"], moved.Error!.Conflicts);
        Assert.Equal(["vm:vm-a:192.168.64.10", "vm:vm-b:192.168.64.150"], deleted.Error!.Conflicts);
        Assert.Equal((141L, 2L, 139L), (narrowedAroundVms.Value!.Capacity, narrowedAroundVms.Value.Used, narrowedAroundVms.Value.Free));

        context.Vms.RemoveRange(await context.Vms.Where(vm => vm.Id == vmA.Id || vm.Id == vmB.Id).ToListAsync());
        await context.SaveChangesAsync();
        Assert.True((await pools.DeleteAsync("lan-a", CancellationToken.None)).Value);
        await using var fresh = database.CreateContext();
        Assert.Empty(fresh.IpPools);
    }

    [Fact]
    public async Task Concurrent_overlapping_creates_let_exactly_one_pool_in()
    {
        (await database.CreateMigratedContextAsync()).Dispose();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(index => Task.Run(async () =>
        {
            await using var context = database.CreateContext();
            var start = 10 + index;
            return await Administration(context).CreateAsync(
                Definition($"lan-{index}", $"192.168.64.{start}", $"192.168.64.{start + 50}"), CancellationToken.None);
        })));

        Assert.Single(results, result => result.Succeeded);
        Assert.All(results.Where(result => !result.Succeeded), result => Assert.Equal(ErrorKind.Conflict, result.Error!.Kind));
        await using var fresh = database.CreateContext();
        Assert.Single(fresh.IpPools);
    }

    [Fact]
    public async Task Listing_counts_usage_of_every_pool_in_one_query()
    {
        await using (var context = await database.CreateMigratedContextAsync())
        {
            var pools = Administration(context);
            for (var index = 0; index < 5; index++)
            {
                await pools.CreateAsync(
                    new IpPoolDefinition($"lan-{index}", ConfiguredRouters.First, $"10.{index}.0.0/24", $"10.{index}.0.1", $"10.{index}.0.254", null),
                    CancellationToken.None);
                var pool = await context.IpPools.SingleAsync(candidate => candidate.Name == $"lan-{index}");
                for (var host = 1; host <= index; host++)
                {
                    await ProvisionedVms.AddAsync(context, pool, $"vm-{index}-{host}", $"10.{index}.0.{host}");
                }
            }
        }

        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<NatFunctionsDbContext>().UseConfiguredDatabase(database.Settings).AddInterceptors(counter).Options;
        await using var counted = new NatFunctionsDbContext(options, TimeProvider.System);

        var listed = await Administration(counted).ListAsync(CancellationToken.None);

        Assert.Equal([0L, 1L, 2L, 3L, 4L], listed.Select(pool => pool.Used));
        Assert.All(listed, pool => Assert.Equal(254 - pool.Used, pool.Free));
        Assert.Equal(1, counter.Readers);
    }

    public void Dispose()
    {
        routers.Dispose();
        database.Dispose();
    }

    private static IpPoolDefinition Definition(string? name, string start, string end, string? router = ConfiguredRouters.First) =>
        new(name, router, Lan, start, end, null);

    private IpPoolAdministration Administration(NatFunctionsDbContext context) => new(new EfIpPoolRepository(context), routers);
}
