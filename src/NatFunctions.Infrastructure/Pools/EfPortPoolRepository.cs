using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Pools;
using NatFunctions.Core.Results;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Pools;

internal sealed class EfPortPoolRepository(NatFunctionsDbContext dbContext) : IPortPoolRepository
{
    public async Task<IReadOnlyList<PortPoolUsage>> ListWithUsageAsync(CancellationToken cancellationToken) =>
        await WithUsage(dbContext.PortPools.AsNoTracking().OrderBy(pool => pool.Name)).ToListAsync(cancellationToken);

    public Task<PortPoolUsage?> FindWithUsageAsync(string name, CancellationToken cancellationToken) =>
        WithUsage(dbContext.PortPools.AsNoTracking().Where(pool => pool.Name == name)).SingleOrDefaultAsync(cancellationToken);

    public Task<PortPool?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        dbContext.PortPools.SingleOrDefaultAsync(pool => pool.Name == name, cancellationToken);

    public async Task<IReadOnlyList<PortPool>> ListByRouterAsync(string router, CancellationToken cancellationToken) =>
        await dbContext.PortPools.AsNoTracking().Where(pool => pool.Router == router).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ExternalPortInUse>> ListExternalPortsInUseAsync(
        string router, PortRange range, CancellationToken cancellationToken) =>
        await dbContext.PortForwards.AsNoTracking()
            .Where(forward => forward.Router == router && forward.ExternalPort >= range.Start && forward.ExternalPort <= range.End)
            .Select(forward => new ExternalPortInUse(forward.Vm!.MachineId, forward.PortName, forward.ExternalPort))
            .ToListAsync(cancellationToken);

    public async Task AddAsync(PortPool pool, CancellationToken cancellationToken)
    {
        dbContext.PortPools.Add(pool);
        await dbContext.SaveChangesAsync(cancellationToken);
    }

    public Task UpdateAsync(PortPool pool, CancellationToken cancellationToken) => dbContext.SaveChangesAsync(cancellationToken);

    public async Task DeleteAsync(PortPool pool, CancellationToken cancellationToken)
    {
        dbContext.PortPools.Remove(pool);
        await dbContext.SaveChangesAsync(cancellationToken);
    }

    public Task<OperationResult<T>> RunSerializedAsync<T>(
        Func<CancellationToken, Task<OperationResult<T>>> work, CancellationToken cancellationToken) =>
        SerializedPoolWrite.RunAsync(dbContext, work, cancellationToken);

    // Correlated count in the same SELECT, served by the (Router, ExternalPort) unique index: one round trip per list.
    private IQueryable<PortPoolUsage> WithUsage(IQueryable<PortPool> pools) =>
        pools.Select(pool => new PortPoolUsage(
            pool,
            dbContext.PortForwards.Count(forward =>
                forward.Router == pool.Router && forward.ExternalPort >= pool.StartPort && forward.ExternalPort <= pool.EndPort)));
}
