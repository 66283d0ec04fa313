using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Pools;
using NatFunctions.Core.Results;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Pools;

internal sealed class EfIpPoolRepository(NatFunctionsDbContext dbContext) : IIpPoolRepository
{
    public async Task<IReadOnlyList<IpPoolUsage>> ListWithUsageAsync(CancellationToken cancellationToken) =>
        await WithUsage(dbContext.IpPools.AsNoTracking().OrderBy(pool => pool.Name)).ToListAsync(cancellationToken);

    public Task<IpPoolUsage?> FindWithUsageAsync(string name, CancellationToken cancellationToken) =>
        WithUsage(dbContext.IpPools.AsNoTracking().Where(pool => pool.Name == name)).SingleOrDefaultAsync(cancellationToken);

    public Task<IpPool?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        dbContext.IpPools.SingleOrDefaultAsync(pool => pool.Name == name, cancellationToken);

    public async Task<IReadOnlyList<IpPool>> ListByRouterAsync(string router, CancellationToken cancellationToken) =>
        await dbContext.IpPools.AsNoTracking().Where(pool => pool.Router == router).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AddressInUse>> ListAddressesInUseAsync(long poolId, CancellationToken cancellationToken) =>
        await dbContext.Vms.AsNoTracking()
            .Where(vm => vm.IpPoolId == poolId)
            .Select(vm => new AddressInUse(vm.MachineId, vm.InternalIp))
            .ToListAsync(cancellationToken);

    public async Task AddAsync(IpPool pool, CancellationToken cancellationToken)
    {
        dbContext.IpPools.Add(pool);
        await dbContext.SaveChangesAsync(cancellationToken);
    }

    public Task UpdateAsync(IpPool pool, CancellationToken cancellationToken) => dbContext.SaveChangesAsync(cancellationToken);

    public async Task DeleteAsync(IpPool pool, CancellationToken cancellationToken)
    {
        dbContext.IpPools.Remove(pool);
        await dbContext.SaveChangesAsync(cancellationToken);
    }

    public Task<OperationResult<T>> RunSerializedAsync<T>(
        Func<CancellationToken, Task<OperationResult<T>>> work, CancellationToken cancellationToken) =>
        SerializedPoolWrite.RunAsync(dbContext, work, cancellationToken);

    // The count is a correlated subquery in the same SELECT, so a list costs one round trip however many pools there are.
    private IQueryable<IpPoolUsage> WithUsage(IQueryable<IpPool> pools) =>
        pools.Select(pool => new IpPoolUsage(pool, dbContext.Vms.Count(vm => vm.IpPoolId == pool.Id)));
}
