using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace NatFunctions.Infrastructure.Persistence;

/// <summary>Lists and applies EF Core migrations; used by the deployment function and at startup.</summary>
public sealed class MigrationRunner(NatFunctionsDbContext dbContext, ILogger<MigrationRunner> logger)
{
    public async Task<MigrationStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var applied = await dbContext.Database.GetAppliedMigrationsAsync(cancellationToken);
        var pending = await dbContext.Database.GetPendingMigrationsAsync(cancellationToken);
        return new MigrationStatus([.. applied], [.. pending]);
    }

    /// <summary>Applies pending migrations and returns the ones this call applied.</summary>
    public async Task<IReadOnlyList<string>> ApplyPendingAsync(CancellationToken cancellationToken)
    {
        var strategy = dbContext.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            var pending = (await dbContext.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
                await dbContext.Database.MigrateAsync(ct);
            }

            if (dbContext.Database.IsSqlite())
            {
                // WAL lets readers proceed while a writer holds the lock; the setting persists in the file.
                await dbContext.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }

            return (IReadOnlyList<string>)pending;
        }, cancellationToken);
    }
}
