using NatFunctions.Core.Domain;
using NatFunctions.Core.Results;

namespace NatFunctions.Core.Pools;

public interface IPortPoolRepository
{
    /// <summary>Every pool with its usage, ordered by name, in one query.</summary>
    Task<IReadOnlyList<PortPoolUsage>> ListWithUsageAsync(CancellationToken cancellationToken);

    Task<PortPoolUsage?> FindWithUsageAsync(string name, CancellationToken cancellationToken);

    /// <summary>The pool, tracked for a following <see cref="UpdateAsync"/> or <see cref="DeleteAsync"/>.</summary>
    Task<PortPool?> FindByNameAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<PortPool>> ListByRouterAsync(string router, CancellationToken cancellationToken);

    /// <summary>The forwards of <paramref name="router"/> whose external port lies in <paramref name="range"/>.</summary>
    Task<IReadOnlyList<ExternalPortInUse>> ListExternalPortsInUseAsync(
        string router, PortRange range, CancellationToken cancellationToken);

    Task AddAsync(PortPool pool, CancellationToken cancellationToken);

    Task UpdateAsync(PortPool pool, CancellationToken cancellationToken);

    Task DeleteAsync(PortPool pool, CancellationToken cancellationToken);

    /// <inheritdoc cref="IIpPoolRepository.RunSerializedAsync{T}"/>
    Task<OperationResult<T>> RunSerializedAsync<T>(
        Func<CancellationToken, Task<OperationResult<T>>> work, CancellationToken cancellationToken);
}
