using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Pools;
using NatFunctions.Core.Results;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.Infrastructure.Pools;
using NatFunctions.Infrastructure.Routers;
using NatFunctions.IntegrationTests.Persistence;

namespace NatFunctions.IntegrationTests.Pools;

/// <summary>Port pool administration against a real SQLite file.</summary>
public sealed class PortPoolAdministrationTests : IDisposable
{
    private readonly SqliteTestDatabase database = new();
    private readonly RouterClientFactory routers = ConfiguredRouters.Create();

    [Fact]
    public async Task A_pool_is_created_listed_replaced_and_deleted()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var pools = Administration(context);

        var created = await pools.CreateAsync(Definition("ext-a", 32000, 32999), CancellationToken.None);
        var onSecond = await pools.CreateAsync(Definition("ext-b", 32000, 32999, router: "EDGE_2"), CancellationToken.None);
        var replaced = await pools.ReplaceAsync("ext-a", new PortPoolDefinition(null, null, 32000, 33999, IsActive: false), CancellationToken.None);
        var replacedAgain = await pools.ReplaceAsync("ext-a", new PortPoolDefinition("ext-a", "edge-1", 32000, 32499, IsActive: null), CancellationToken.None);
        var listed = await pools.ListAsync(CancellationToken.None);

        Assert.Equal(
            new { Router = "edge-1", StartPort = 32000, EndPort = 32999, IsActive = true, Capacity = 1000L, Used = 0L, Free = 1000L },
            new { created.Value!.Router, created.Value.StartPort, created.Value.EndPort, created.Value.IsActive, created.Value.Capacity, created.Value.Used, created.Value.Free });
        Assert.Equal(ConfiguredRouters.Second, onSecond.Value!.Router);
        Assert.Equal((2000L, false), (replaced.Value!.Capacity, replaced.Value.IsActive));
        Assert.Equal((500L, false), (replacedAgain.Value!.Capacity, replacedAgain.Value.IsActive));
        Assert.Equal(["ext-a", "ext-b"], listed.Select(pool => pool.Name));

        Assert.True((await pools.DeleteAsync("ext-a", CancellationToken.None)).Value);
        Assert.Equal(ErrorKind.NotFound, (await pools.GetAsync("ext-a", CancellationToken.None)).Error!.Kind);
        await using var fresh = database.CreateContext();
        var stored = await fresh.PortPools.SingleAsync();
        Assert.Equal(("ext-b", ConfiguredRouters.Second, 32000, 32999, true), (stored.Name, stored.Router, stored.StartPort, stored.EndPort, stored.IsActive));
    }

    [Fact]
    public async Task Invalid_requests_name_every_bad_field_and_write_nothing()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var pools = Administration(context);

        var everythingWrong = await pools.CreateAsync(new PortPoolDefinition("ext a'", null, 0, 70000, null), CancellationToken.None);
        var reversed = await pools.CreateAsync(Definition("ext-a", 33000, 32000), CancellationToken.None);
        await pools.CreateAsync(Definition("ext-a", 32000, 32999), CancellationToken.None);
        var badReplace = await pools.ReplaceAsync("ext-a", new PortPoolDefinition(null, ConfiguredRouters.Second, 32000, null, null), CancellationToken.None);

        Assert.Equal(["end_port", "name", "router", "start_port"], everythingWrong.Error!.FieldErrors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["must not be greater than end_port"], reversed.Error!.FieldErrors!["start_port"]);
        Assert.Equal(["end_port"], badReplace.Error!.FieldErrors!.Keys);
        await using var fresh = database.CreateContext();
        var stored = await fresh.PortPools.SingleAsync();
        Assert.Equal((32000, 32999), (stored.StartPort, stored.EndPort));
    }

    [Fact]
    public async Task Pools_of_one_router_never_share_a_port()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var pools = Administration(context);

        var first = await pools.CreateAsync(Definition("ext-a", 32000, 32999), CancellationToken.None);
        var adjacent = await pools.CreateAsync(Definition("ext-b", 33000, 33999), CancellationToken.None);
        var otherRouter = await pools.CreateAsync(Definition("ext-c", 32000, 33999, router: ConfiguredRouters.Second), CancellationToken.None);
        var straddling = await pools.CreateAsync(Definition("ext-d", 32999, 33000), CancellationToken.None);
        var grown = await pools.ReplaceAsync("ext-b", Definition(null, 32500, 33999, router: null), CancellationToken.None);
        var duplicate = await pools.CreateAsync(Definition("ext-a", 40000, 40999), CancellationToken.None);

        Assert.True(first.Succeeded && adjacent.Succeeded && otherRouter.Succeeded);
        Assert.Equal(["port_pool:ext-a:32000-32999", "port_pool:ext-b:33000-33999"], straddling.Error!.Conflicts);
        Assert.Equal(["port_pool:ext-a:32000-32999"], grown.Error!.Conflicts);
        Assert.Equal(["port_pool:ext-a"], duplicate.Error!.Conflicts);
        await using var fresh = database.CreateContext();
        Assert.Equal(3, await fresh.PortPools.CountAsync());
    }

    [Fact]
    public async Task Shrinking_or_deleting_a_pool_in_use_is_refused_with_the_forwards_in_the_way()
    {
        await using var context = await database.CreateMigratedContextAsync();
        var pools = Administration(context);
        await pools.CreateAsync(Definition("ext-a", 32000, 32999), CancellationToken.None);
        var lan = await AddIpPoolAsync(context, ConfiguredRouters.First);
        var otherLan = await AddIpPoolAsync(context, ConfiguredRouters.Second);
        await ProvisionedVms.AddAsync(context, lan, "vm-a", "192.168.64.10", ("ssh", 32001), ("http", 32500), ("game", 40000));
        await ProvisionedVms.AddAsync(context, otherLan, "vm-b", "192.168.64.10", ("ssh", 32002));

        var usage = await pools.GetAsync("ext-a", CancellationToken.None);
        var shrunk = await pools.ReplaceAsync("ext-a", Definition(null, 32000, 32100, router: null), CancellationToken.None);
        var deleted = await pools.DeleteAsync("ext-a", CancellationToken.None);
        var narrowedAroundForwards = await pools.ReplaceAsync("ext-a", Definition(null, 32001, 32500, router: null), CancellationToken.None);
        var aroundCustomPort = await pools.CreateAsync(Definition("ext-high", 39000, 40999), CancellationToken.None);

        Assert.Equal((1000L, 2L, 998L), (usage.Value!.Capacity, usage.Value.Used, usage.Value.Free));
        Assert.Equal(["forward:vm-a:http:32500"], shrunk.Error!.Conflicts);
        Assert.Contains("1 external port", shrunk.Error.Detail, StringComparison.Ordinal);
        Assert.Equal(["forward:vm-a:ssh:32001", "forward:vm-a:http:32500"], deleted.Error!.Conflicts);
        Assert.Equal((500L, 2L), (narrowedAroundForwards.Value!.Capacity, narrowedAroundForwards.Value.Used));
        Assert.Equal(1L, aroundCustomPort.Value!.Used);
        await using var fresh = database.CreateContext();
        Assert.Equal(2, await fresh.PortPools.CountAsync());
    }

    [Fact]
    public async Task Listing_counts_usage_of_every_pool_in_one_query()
    {
        await using (var context = await database.CreateMigratedContextAsync())
        {
            var pools = Administration(context);
            var lan = await AddIpPoolAsync(context, ConfiguredRouters.First);
            for (var index = 0; index < 4; index++)
            {
                var start = 30000 + (index * 1000);
                await pools.CreateAsync(Definition($"ext-{index}", start, start + 999), CancellationToken.None);
                var forwards = Enumerable.Range(0, index).Select(offset => ($"p{offset}", start + offset)).ToArray();
                await ProvisionedVms.AddAsync(context, lan, $"vm-{index}", $"192.168.64.{10 + index}", forwards);
            }
        }

        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<NatFunctionsDbContext>().UseConfiguredDatabase(database.Settings).AddInterceptors(counter).Options;
        await using var counted = new NatFunctionsDbContext(options, TimeProvider.System);

        var listed = await Administration(counted).ListAsync(CancellationToken.None);

        Assert.Equal([0L, 1L, 2L, 3L], listed.Select(pool => pool.Used));
        Assert.Equal(1, counter.Readers);
    }

    public void Dispose()
    {
        routers.Dispose();
        database.Dispose();
    }

    private static PortPoolDefinition Definition(string? name, int start, int end, string? router = ConfiguredRouters.First) =>
        new(name, router, start, end, null);

    private static async Task<IpPool> AddIpPoolAsync(NatFunctionsDbContext context, string router)
    {
        var pool = new IpPool
        {
            Name = $"lan-{router.ToLowerInvariant().Replace('_', '-')}",
            Router = router,
            Cidr = "192.168.64.0/24",
            RangeStart = "192.168.64.10",
            RangeEnd = "192.168.64.200",
        };
        context.IpPools.Add(pool);
        await context.SaveChangesAsync();
        return pool;
    }

    private PortPoolAdministration Administration(NatFunctionsDbContext context) => new(new EfPortPoolRepository(context), routers);
}
