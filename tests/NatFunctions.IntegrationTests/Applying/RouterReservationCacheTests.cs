using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Routers;
using NatFunctions.IntegrationTests.Persistence;

namespace NatFunctions.IntegrationTests.Applying;

/// <summary>
/// Cold reservation reads of a router (the simulated transport, its shells counted): one read in flight per router for
/// every caller, a failed read remembered for <c>Apply:ReadFailureCacheSeconds</c>, and no router read inside the
/// allocation lock.
/// </summary>
public sealed class RouterReservationCacheTests : IAsyncLifetime
{
    private const int FailureCacheSeconds = 2;
    private readonly SqliteTestDatabase database = new();
    private readonly string stateDir = Path.Combine(Path.GetTempPath(), "nf-reservations-" + Guid.NewGuid().ToString("N")[..10]);
    private CountingOpener opener = null!;
    private ApplierInstance instance = null!;

    public async Task InitializeAsync()
    {
        await SimulatorInit.RunAsync(stateDir, null);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var pool = new IpPool { Name = "lan", Router = "edge", Cidr = "192.168.64.0/24", RangeStart = "192.168.64.10", RangeEnd = "192.168.64.250" };
            db.IpPools.Add(pool);
            db.PortPools.Add(new PortPool { Name = "wan", Router = "edge", StartPort = 32000, EndPort = 32999 });
            await db.SaveChangesAsync();
            db.Vms.Add(new Vm { MachineId = "vm-a", InternalIp = "192.168.64.10", Router = "edge", IpPoolId = pool.Id });
            await db.SaveChangesAsync();
        }

        var router = new RouterSettings { Name = "edge", Transport = RouterTransport.Simulated, StateDir = stateDir };
        var settings = new Dictionary<string, string?> { ["Apply:ReadFailureCacheSeconds"] = FailureCacheSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        instance = new ApplierInstance(router, database.Settings, settings, inner => opener = new CountingOpener(inner));
    }

    public async Task DisposeAsync()
    {
        opener.Release();
        await instance.DisposeAsync();
        database.Dispose();
        if (Directory.Exists(stateDir)) Directory.Delete(stateDir, recursive: true);
    }

    [Fact]
    public async Task Cold_reads_by_many_callers_share_one_router_read()
    {
        opener.Hold();
        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => instance.Reservations.GetAsync("edge", CancellationToken.None))).ToList();
        await WhileTheFirstOpenIsHeldAsync();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, opener.Opens);
        Assert.All(results, reservations => Assert.NotNull(reservations.ObservedAt));
    }

    [Fact]
    public async Task A_router_that_is_down_is_tried_once_for_all_callers_and_again_only_after_the_failure_window()
    {
        opener.Down = true;
        opener.Hold();
        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => instance.Reservations.GetAsync("edge", CancellationToken.None))).ToList();
        await WhileTheFirstOpenIsHeldAsync();
        var whileDown = await Task.WhenAll(callers);
        var opensAfterBurst = opener.Opens;
        var withinWindow = await instance.Reservations.GetAsync("edge", CancellationToken.None);
        var opensWithinWindow = opener.Opens;
        opener.Down = false;
        await Task.Delay(TimeSpan.FromSeconds(FailureCacheSeconds + 0.5));
        var afterWindow = await instance.Reservations.GetAsync("edge", CancellationToken.None);

        Assert.Equal(1, opensAfterBurst);
        Assert.All(whileDown, reservations => Assert.Null(reservations.ObservedAt));
        Assert.Null(withinWindow.ObservedAt);
        Assert.Equal(1, opensWithinWindow);
        Assert.NotNull(afterWindow.ObservedAt);
        Assert.Equal(2, opener.Opens);
    }

    [Fact]
    public async Task A_port_create_reads_the_router_before_it_takes_the_allocation_lock()
    {
        opener.Hold();
        await using var scope = instance.CreateScope();
        var create = scope.ServiceProvider.GetRequiredService<PortActionService>().ApplyAsync(
            "vm-a", null, new PortActionInput("create", ["ssh"], null, null, null, null, null), new Caller("ops", ApiRole.Admin, "nf_ops"), CancellationToken.None);
        await WaitUntilAsync(() => opener.Opens >= 1);
        // Another provision on the same router wants the allocation lock while the router read is still held.
        var entering = scope.ServiceProvider.GetRequiredService<AllocationGate>().EnterAsync("edge", CancellationToken.None);
        var enteredWhileReading = await Task.WhenAny(entering, Task.Delay(TimeSpan.FromSeconds(5))) == entering;
        opener.Release();
        (await entering).Dispose();
        var outcome = await create;

        Assert.True(enteredWhileReading);
        Assert.True(outcome.Succeeded, outcome.Error?.Detail);
        Assert.Equal(ApplyState.Applied, outcome.Value!.State);
    }

    /// <summary>The first caller's open has started and is held; the others had time to start their own (they must not).</summary>
    private async Task WhileTheFirstOpenIsHeldAsync()
    {
        await WaitUntilAsync(() => opener.Opens >= 1);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        opener.Release();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the router read never started");
            await Task.Delay(20);
        }
    }
}
