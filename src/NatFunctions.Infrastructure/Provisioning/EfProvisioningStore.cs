using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Networking;
using NatFunctions.Core.Provisioning;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Provisioning;

internal sealed class EfProvisioningStore(NatFunctionsDbContext dbContext) : IProvisioningStore
{
    public Task<IpPool?> FindIpPoolAsync(string name, CancellationToken cancellationToken) =>
        dbContext.IpPools.AsNoTracking().SingleOrDefaultAsync(pool => pool.Name == name, cancellationToken);

    public async Task<IReadOnlyList<IpPool>> ListActiveIpPoolsAsync(string router, CancellationToken cancellationToken) =>
        await dbContext.IpPools.AsNoTracking().Where(pool => pool.Router == router && pool.IsActive).OrderBy(pool => pool.Id)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PortPool>> ListActivePortPoolsAsync(string router, CancellationToken cancellationToken) =>
        await dbContext.PortPools.AsNoTracking().Where(pool => pool.Router == router && pool.IsActive).OrderBy(pool => pool.Id)
            .ToListAsync(cancellationToken);

    public async Task<RouterUsage> GetUsageAsync(string router, CancellationToken cancellationToken)
    {
        var ips = await dbContext.Vms.AsNoTracking().Where(vm => vm.Router == router).Select(vm => vm.InternalIp).ToListAsync(cancellationToken);
        var forwards = await dbContext.PortForwards.AsNoTracking().Where(forward => forward.Router == router)
            .Select(forward => new { forward.ExternalPort, forward.NatRuleNumber }).ToListAsync(cancellationToken);
        return new RouterUsage(
            ips.Select(ip => Ipv4Address.Parse(ip).Value).ToHashSet(),
            forwards.Select(forward => forward.ExternalPort).ToHashSet(),
            forwards.Select(forward => forward.NatRuleNumber).ToHashSet());
    }

    public Task<bool> MachineIdExistsAsync(string machineId, CancellationToken cancellationToken) =>
        dbContext.Vms.AnyAsync(vm => vm.MachineId == machineId, cancellationToken);

    public Task<bool> MacAddressExistsAsync(string macAddress, CancellationToken cancellationToken) =>
        dbContext.Vms.AnyAsync(vm => vm.MacAddress == macAddress, cancellationToken);

    public Task<Vm?> FindVmAsync(string machineId, CancellationToken cancellationToken)
    {
        dbContext.ChangeTracker.Clear();
        return dbContext.Vms.Include(vm => vm.Forwards).Include(vm => vm.IpPool)
            .AsSplitQuery().SingleOrDefaultAsync(vm => vm.MachineId == machineId, cancellationToken);
    }

    public async Task<Vm?> ReloadVmAsync(string machineId, CancellationToken cancellationToken)
    {
        var vm = await dbContext.Vms.AsNoTracking().Include(candidate => candidate.IpPool)
            .SingleOrDefaultAsync(candidate => candidate.MachineId == machineId, cancellationToken);
        if (vm is not null)
        {
            await AttachForwardsAsync([vm], cancellationToken);
        }

        return vm;
    }

    public async Task<ChangeResult?> FindSessionResultSinceAsync(string router, DateTime since, CancellationToken cancellationToken)
    {
        var results = await dbContext.RouterChanges.AsNoTracking()
            .Where(change => change.Router == router && change.StartedAt >= since && change.FinishedAt != null)
            .OrderByDescending(change => change.Id)
            .Select(change => (ChangeResult?)change.Result)
            .Take(1)
            .ToListAsync(cancellationToken);
        return results.Count == 0 ? null : results[0];
    }

    public void AddVm(Vm vm) => dbContext.Vms.Add(vm);

    public void AddForward(Vm vm, PortForward forward)
    {
        forward.VmId = vm.Id;
        vm.Forwards.Add(forward);
        dbContext.PortForwards.Add(forward);
    }

    public void RemoveVm(Vm vm) => dbContext.Vms.Remove(vm);

    public void RemoveForward(PortForward forward) => dbContext.PortForwards.Remove(forward);

    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await dbContext.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.IsLostRace(exception))
        {
            return false;
        }
    }

    public void DiscardChanges() => dbContext.ChangeTracker.Clear();

    public async Task<VmPage> ListVmsAsync(string? router, string? afterMachineId, int pageSize, CancellationToken cancellationToken)
    {
        var query = dbContext.Vms.AsNoTracking();
        if (router is not null)
        {
            query = query.Where(vm => vm.Router == router);
        }

        if (afterMachineId is not null)
        {
            query = query.Where(vm => string.Compare(vm.MachineId, afterMachineId) > 0);
        }

        var items = await query.OrderBy(vm => vm.MachineId).Take(pageSize + 1).Include(vm => vm.IpPool)
            .ToListAsync(cancellationToken);
        var page = items.Take(pageSize).ToList();
        await AttachForwardsAsync(page, cancellationToken);
        return new VmPage(page, items.Count > pageSize);
    }

    /// <summary>
    /// Reads the forwards of untracked VMs with one plain query and attaches them. EF's split-query collection Include
    /// did the same with one SQL command too, but its shaper was most of a read's CPU (a trace of the read load).
    /// </summary>
    private async Task AttachForwardsAsync(IReadOnlyList<Vm> vms, CancellationToken cancellationToken)
    {
        var ids = vms.Select(vm => vm.Id).ToList();
        var forwards = await dbContext.PortForwards.AsNoTracking().Where(forward => ids.Contains(forward.VmId))
            .ToListAsync(cancellationToken);
        var byVm = forwards.ToLookup(forward => forward.VmId);
        foreach (var vm in vms)
        {
            vm.Forwards = [.. byVm[vm.Id]];
        }
    }
}
