using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NatFunctions.Core.Pools;
using NatFunctions.Infrastructure.Pools;
using NatFunctions.IntegrationTests.Persistence;

namespace NatFunctions.IntegrationTests.Pools;

/// <summary>Pools declared in settings, read as the app reads them and created through the pool use cases on SQLite.</summary>
public sealed class PoolSeederTests : IDisposable
{
    private readonly SqliteTestDatabase database = new();
    private readonly Infrastructure.Routers.RouterClientFactory routers = ConfiguredRouters.Create();

    [Fact]
    public async Task Configured_pools_are_created_once_and_an_existing_pool_is_never_changed()
    {
        var settings = Settings(new()
        {
            ["Pools:Ip:lan:Router"] = ConfiguredRouters.First,
            ["Pools:Ip:lan:Cidr"] = "10.0.0.0/24",
            ["Pools:Ip:lan:RangeStart"] = "10.0.0.10",
            ["Pools:Ip:lan:RangeEnd"] = "10.0.0.20",
            ["Pools:Port:ext:Router"] = ConfiguredRouters.First,
            ["Pools:Port:ext:StartPort"] = "40000",
            ["Pools:Port:ext:EndPort"] = "40099",
        });

        var first = await SeedAsync(ConfiguredPoolsReader.Read(settings));
        await using (var context = database.CreateContext())
        {
            var pool = await context.IpPools.SingleAsync();
            pool.RangeEnd = "10.0.0.15";
            await context.SaveChangesAsync();
        }

        var again = await SeedAsync(ConfiguredPoolsReader.Read(settings));

        Assert.Equal(["ip pool lan", "port pool ext"], first);
        Assert.Empty(again);
        await using var check = database.CreateContext();
        Assert.Equal(("lan", "10.0.0.15"), await check.IpPools.Select(pool => ValueTuple.Create(pool.Name, pool.RangeEnd)).SingleAsync());
        Assert.Equal((40000, 40099), await check.PortPools.Select(pool => ValueTuple.Create(pool.StartPort, pool.EndPort)).SingleAsync());
    }

    [Fact]
    public async Task An_invalid_configured_pool_stops_startup_naming_the_setting_and_nothing_is_written()
    {
        var settings = Settings(new()
        {
            ["Pools:Ip:lan:Router"] = "nowhere",
            ["Pools:Ip:lan:Cidr"] = "10.0.0.0/24",
            ["Pools:Ip:lan:RangeStart"] = "10.0.0.30",
            ["Pools:Ip:lan:RangeEnd"] = "10.0.0.20",
        });

        var refused = await Assert.ThrowsAsync<PoolSeedException>(() => SeedAsync(ConfiguredPoolsReader.Read(settings)));

        var problem = Assert.Single(refused.Problems);
        Assert.StartsWith("Pools:Ip:lan: ", problem, StringComparison.Ordinal);
        Assert.Contains("router", problem, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Empty(await check.IpPools.ToListAsync());
    }

    [Fact]
    public void A_port_bound_that_is_not_a_number_or_an_unknown_section_is_refused_when_read()
    {
        var refused = Assert.Throws<PoolSeedException>(() => ConfiguredPoolsReader.Read(Settings(new()
        {
            ["Pools:Port:ext:StartPort"] = "4x",
            ["Pools:Default:Router"] = "edge",
        })));

        Assert.Equal(2, refused.Problems.Count);
        Assert.Contains(refused.Problems, problem => problem.Contains("Pools:Port:ext:StartPort: '4x' is not a whole number", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, problem => problem.StartsWith("Pools:Default: unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void With_no_router_and_no_pool_configured_the_local_defaults_are_used_and_with_a_router_none()
    {
        var local = ConfiguredPoolsReader.Read(Settings(new()));
        var withRouter = ConfiguredPoolsReader.Read(Settings(new() { ["Routers:edge:Transport"] = "ssh" }));

        Assert.Equal(("lan", "local", "192.168.64.100", "192.168.64.199"), local.IpPools.Select(pool => (pool.Name, pool.Router, pool.RangeStart, pool.RangeEnd)).Single());
        Assert.Equal(("ext", 32000, 32999), local.PortPools.Select(pool => (pool.Name, pool.StartPort, pool.EndPort)).Single());
        Assert.True(withRouter.IsEmpty);
    }

    public void Dispose()
    {
        routers.Dispose();
        database.Dispose();
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private async Task<IReadOnlyList<string>> SeedAsync(ConfiguredPools pools)
    {
        await using var context = await database.CreateMigratedContextAsync();
        var seeder = new PoolSeeder(
            new IpPoolAdministration(new EfIpPoolRepository(context), routers),
            new PortPoolAdministration(new EfPortPoolRepository(context), routers));
        return await seeder.SeedAsync(pools, CancellationToken.None);
    }
}
