using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;

namespace NatFunctions.IntegrationTests.Persistence;

/// <summary>The unique indexes are the last line of defence for allocation under concurrency; prove they bite.</summary>
public sealed class NatFunctionsDbContextUniqueIndexTests
{
    [Fact]
    public async Task A_second_vm_with_the_same_machine_id_is_refused()
    {
        using var database = new SqliteTestDatabase();
        await using var context = await database.CreateMigratedContextAsync();
        var pool = await AddPoolAsync(context);
        context.Vms.Add(NewVm(pool, "vm-a", "192.168.64.100", mac: null));
        await context.SaveChangesAsync();

        context.Vms.Add(NewVm(pool, "vm-a", "192.168.64.101", mac: null));

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    [Fact]
    public async Task Internal_ip_is_unique_per_router_and_mac_is_unique_but_optional()
    {
        using var database = new SqliteTestDatabase();
        await using (var context = await database.CreateMigratedContextAsync())
        {
            var pool = await AddPoolAsync(context);
            context.Vms.Add(NewVm(pool, "vm-a", "192.168.64.100", mac: null));
            context.Vms.Add(NewVm(pool, "vm-b", "192.168.64.101", mac: null));
            context.Vms.Add(NewVm(pool, "vm-c", "192.168.64.102", mac: "52:54:00:00:00:01"));
            await context.SaveChangesAsync();
        }

        await using (var context = database.CreateContext())
        {
            var pool = await context.IpPools.SingleAsync();
            context.Vms.Add(NewVm(pool, "vm-d", "192.168.64.100", mac: null));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using (var context = database.CreateContext())
        {
            var pool = await context.IpPools.SingleAsync();
            context.Vms.Add(NewVm(pool, "vm-e", "192.168.64.110", mac: "52:54:00:00:00:01"));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task External_port_and_rule_number_are_unique_per_router_whatever_the_protocol()
    {
        using var database = new SqliteTestDatabase();
        await using (var context = await database.CreateMigratedContextAsync())
        {
            var pool = await AddPoolAsync(context);
            var vm = NewVm(pool, "vm-a", "192.168.64.100", mac: null);
            vm.Forwards.Add(NewForward("ssh", ForwardProtocol.Tcp, externalPort: 32000, rule: 10000));
            context.Vms.Add(vm);
            await context.SaveChangesAsync();
        }

        await using (var context = database.CreateContext())
        {
            var vm = await context.Vms.SingleAsync();
            context.PortForwards.Add(WithVm(NewForward("dns", ForwardProtocol.Udp, externalPort: 32000, rule: 10001), vm));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using (var context = database.CreateContext())
        {
            var vm = await context.Vms.SingleAsync();
            context.PortForwards.Add(WithVm(NewForward("http", ForwardProtocol.Tcp, externalPort: 32001, rule: 10000), vm));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task The_same_ip_external_port_and_rule_number_are_free_on_another_router()
    {
        using var database = new SqliteTestDatabase();
        await using var context = await database.CreateMigratedContextAsync();
        var first = await AddPoolAsync(context);
        var second = await AddPoolAsync(context, name: "lan-r2", router: "r2");
        var onFirst = NewVm(first, "vm-a", "192.168.64.100", mac: null);
        onFirst.Forwards.Add(NewForward("ssh", ForwardProtocol.Tcp, externalPort: 32000, rule: 10000));
        var onSecond = NewVm(second, "vm-b", "192.168.64.100", mac: null);
        onSecond.Forwards.Add(NewForward("ssh", ForwardProtocol.Tcp, externalPort: 32000, rule: 10000, router: "r2"));
        context.Vms.AddRange(onFirst, onSecond);

        await context.SaveChangesAsync();

        Assert.Equal(2, await context.PortForwards.CountAsync(forward => forward.ExternalPort == 32000 && forward.NatRuleNumber == 10000));
    }

    [Fact]
    public async Task Pool_names_are_unique_whatever_the_router()
    {
        using var database = new SqliteTestDatabase();
        await using (var context = await database.CreateMigratedContextAsync())
        {
            await AddPoolAsync(context);
            context.PortPools.Add(new PortPool { Name = "ext", Router = "r1", StartPort = 32000, EndPort = 32999 });
            await context.SaveChangesAsync();
        }

        await using (var context = database.CreateContext())
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => AddPoolAsync(context, name: "lan", router: "r2"));
        }

        await using (var context = database.CreateContext())
        {
            context.PortPools.Add(new PortPool { Name = "ext", Router = "r2", StartPort = 40000, EndPort = 40999 });
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task A_stale_write_loses_to_the_concurrency_token()
    {
        using var database = new SqliteTestDatabase();
        await using (var context = await database.CreateMigratedContextAsync())
        {
            await AddPoolAsync(context);
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var firstCopy = await first.IpPools.SingleAsync();
        var secondCopy = await second.IpPools.SingleAsync();

        firstCopy.IsActive = false;
        await first.SaveChangesAsync();
        secondCopy.RangeEnd = "192.168.64.150";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    private static async Task<IpPool> AddPoolAsync(Infrastructure.Persistence.NatFunctionsDbContext context, string name = "lan", string router = "r1")
    {
        var pool = new IpPool
        {
            Name = name,
            Router = router,
            Cidr = "192.168.64.0/24",
            RangeStart = "192.168.64.100",
            RangeEnd = "192.168.64.199",
        };
        context.IpPools.Add(pool);
        await context.SaveChangesAsync();
        return pool;
    }

    private static Vm NewVm(IpPool pool, string machineId, string ip, string? mac) =>
        new() { MachineId = machineId, InternalIp = ip, Router = pool.Router, IpPoolId = pool.Id, MacAddress = mac };

    private static PortForward NewForward(string name, ForwardProtocol protocol, int externalPort, int rule, string router = "r1") =>
        new()
        {
            Router = router,
            PortName = name,
            Protocol = protocol,
            InternalPort = 22,
            ExternalPort = externalPort,
            NatRuleNumber = rule,
        };

    private static PortForward WithVm(PortForward forward, Vm vm)
    {
        forward.VmId = vm.Id;
        return forward;
    }
}
