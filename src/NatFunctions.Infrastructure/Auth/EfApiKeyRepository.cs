using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Auth;

internal sealed class EfApiKeyRepository(NatFunctionsDbContext dbContext) : IApiKeyRepository
{
    public Task<ApiKey?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken) =>
        dbContext.ApiKeys.AsNoTracking().SingleOrDefaultAsync(key => key.Prefix == prefix, cancellationToken);

    public Task<ApiKey?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        dbContext.ApiKeys.SingleOrDefaultAsync(key => key.Id == id, cancellationToken);

    public Task<bool> NameExistsAsync(string name, long? exceptId, CancellationToken cancellationToken) =>
        dbContext.ApiKeys.AnyAsync(key => key.Name == name && key.Id != exceptId, cancellationToken);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        await dbContext.ApiKeys.AsNoTracking().OrderBy(key => key.Id).ToListAsync(cancellationToken);

    public async Task AddAsync(ApiKey key, CancellationToken cancellationToken)
    {
        dbContext.ApiKeys.Add(key);
        await dbContext.SaveChangesAsync(cancellationToken);
    }

    public Task UpdateAsync(ApiKey key, CancellationToken cancellationToken) => dbContext.SaveChangesAsync(cancellationToken);

    public async Task DeleteAsync(ApiKey key, CancellationToken cancellationToken)
    {
        dbContext.ApiKeys.Remove(key);
        await dbContext.SaveChangesAsync(cancellationToken);
    }

    public Task TouchLastUsedAsync(long id, DateTime usedAt, CancellationToken cancellationToken) =>
        dbContext.ApiKeys.Where(key => key.Id == id)
            .ExecuteUpdateAsync(setters => setters.SetProperty(key => key.LastUsedAt, usedAt), cancellationToken);
}
