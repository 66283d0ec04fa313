using System.Data;
using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Results;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Pools;

/// <summary>
/// Runs a pool write in a serializable transaction: on SQLite that is <c>BEGIN IMMEDIATE</c> (the writer lock is
/// taken up front, so check-then-write cannot interleave); on SQL Server the range locks of the checking reads keep
/// a concurrent overlapping insert out, and a resulting deadlock is retried by the execution strategy.
/// </summary>
internal static class SerializedPoolWrite
{
    public static Task<OperationResult<T>> RunAsync<T>(
        NatFunctionsDbContext dbContext,
        Func<CancellationToken, Task<OperationResult<T>>> work,
        CancellationToken cancellationToken)
    {
        var strategy = dbContext.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(
            async token =>
            {
                // A retried attempt starts from what is in the database, not from what the failed attempt tracked.
                dbContext.ChangeTracker.Clear();
                await using var transaction = await dbContext.Database.BeginTransactionAsync(IsolationLevel.Serializable, token);
                var result = await work(token);
                if (result.Succeeded)
                {
                    await transaction.CommitAsync(token);
                }
                else
                {
                    await transaction.RollbackAsync(token);
                    dbContext.ChangeTracker.Clear();
                }

                return result;
            },
            cancellationToken);
    }
}
