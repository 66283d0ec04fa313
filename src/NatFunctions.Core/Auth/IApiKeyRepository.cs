using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Auth;

public interface IApiKeyRepository
{
    Task<ApiKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken);

    Task<ApiKey?> FindByIdAsync(long id, CancellationToken cancellationToken);

    Task<bool> NameExistsAsync(string name, long? exceptId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    Task AddAsync(ApiKey key, CancellationToken cancellationToken);

    Task UpdateAsync(ApiKey key, CancellationToken cancellationToken);

    Task DeleteAsync(ApiKey key, CancellationToken cancellationToken);

    /// <summary>Records use without touching the concurrency token, so a busy key never conflicts with an admin edit.</summary>
    Task TouchLastUsedAsync(long id, DateTime usedAt, CancellationToken cancellationToken);
}
