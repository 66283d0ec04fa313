using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;

namespace NatFunctions.Core.Pools;

public interface IIpPoolRepository
{
    /// <summary>Every pool with its usage, ordered by name, in one query.</summary>
    Task<IReadOnlyList<IpPoolUsage>> ListWithUsageAsync(CancellationToken cancellationToken);

    Task<IpPoolUsage?> FindWithUsageAsync(string name, CancellationToken cancellationToken);

    /// <summary>The pool, tracked for a following <see cref="UpdateAsync"/> or <see cref="DeleteAsync"/>.</summary>
    Task<IpPool?> FindByNameAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<IpPool>> ListByRouterAsync(string router, CancellationToken cancellationToken);

    /// <summary>The internal addresses of the VMs that were given an address from the pool.</summary>
    Task<IReadOnlyList<AddressInUse>> ListAddressesInUseAsync(long poolId, CancellationToken cancellationToken);

    Task AddAsync(IpPool pool, CancellationToken cancellationToken);

    Task UpdateAsync(IpPool pool, CancellationToken cancellationToken);

    Task DeleteAsync(IpPool pool, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> so that no other pool write interleaves with it (its checks stay true until it
    /// commits), and keeps its writes only when it succeeds. <paramref name="work"/> may be run again from the start
    /// after a transient database failure, so it must load what it needs itself.
    /// </summary>
    Task<OperationResult<T>> RunSerializedAsync<T>(
        Func<CancellationToken, Task<OperationResult<T>>> work, CancellationToken cancellationToken);
}
