using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Idempotency;
using NatFunctions.Infrastructure.Persistence;
using NatFunctions.Infrastructure.Provisioning;

namespace NatFunctions.Infrastructure.Idempotency;

/// <summary>
/// Idempotency records in the database. The unique (api key prefix, key) index decides which of two simultaneous
/// requests gets a key; every later change of a record is conditional on the concurrency stamp its writer saw, so a
/// request whose claim was taken over can no longer touch the record.
/// </summary>
/// <remarks>
/// The context is the request's scoped one, shared with the write this guards; the store therefore never leaves an
/// entity tracked (the write's own save must not carry ours along, nor its change-tracker resets drop ours).
/// </remarks>
internal sealed class EfIdempotencyStore(NatFunctionsDbContext dbContext, TimeProvider timeProvider) : IIdempotencyStore
{
    // A lost insert race means the record now exists and the next look reads it; a third look covers a takeover race.
    private const int Attempts = 3;
    private const int InProgressStatus = 0;

    public async Task<IdempotencyClaimResult> TryClaimAsync(
        IdempotencyScope scope, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await dbContext.IdempotencyRecords.AsNoTracking()
                .SingleOrDefaultAsync(record => record.ApiKeyPrefix == scope.ApiKeyPrefix && record.Key == scope.Key, cancellationToken);
            var claim = existing switch
            {
                null => await TryInsertAsync(scope, leaseUntil, cancellationToken),
                _ when existing.ExpiresAt <= now => await TryTakeOverAsync(existing, scope, leaseUntil, cancellationToken),
                _ when existing.RequestHash != scope.RequestHash => IdempotencyClaimResult.KeyReused,
                { StatusCode: InProgressStatus } => IdempotencyClaimResult.InProgress,
                _ => IdempotencyClaimResult.Replay(new StoredResponse(existing.StatusCode, existing.ResponseBody)),
            };
            if (claim is not null)
            {
                return claim;
            }

            if (attempt == Attempts)
            {
                // Someone keeps winning the race for this very key: it is, for all this request can tell, in progress.
                return IdempotencyClaimResult.InProgress;
            }
        }
    }

    public async Task<bool> CompleteAsync(IdempotencyClaim claim, StoredResponse response, DateTime expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(response);
        var updated = await dbContext.IdempotencyRecords
            .Where(record => record.Id == claim.RecordId && record.ConcurrencyStamp == claim.Stamp)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(record => record.StatusCode, response.StatusCode)
                    .SetProperty(record => record.ResponseBody, response.Body)
                    .SetProperty(record => record.ExpiresAt, expiresAt)
                    .SetProperty(record => record.UpdatedAt, timeProvider.GetUtcNow().UtcDateTime)
                    .SetProperty(record => record.ConcurrencyStamp, Guid.NewGuid()),
                cancellationToken);
        return updated == 1;
    }

    public Task ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return dbContext.IdempotencyRecords
            .Where(record => record.Id == claim.RecordId && record.ConcurrencyStamp == claim.Stamp)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public Task<int> PurgeExpiredAsync(DateTime now, CancellationToken cancellationToken) =>
        dbContext.IdempotencyRecords.Where(record => record.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

    private async Task<IdempotencyClaimResult?> TryInsertAsync(IdempotencyScope scope, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        var record = new IdempotencyRecord
        {
            ApiKeyPrefix = scope.ApiKeyPrefix,
            Key = scope.Key,
            RequestHash = scope.RequestHash,
            StatusCode = InProgressStatus,
            ExpiresAt = leaseUntil,
        };
        dbContext.IdempotencyRecords.Add(record);
        try
        {
            await dbContext.SaveChangesAsync(cancellationToken);
            return IdempotencyClaimResult.Claimed(new IdempotencyClaim(record.Id, record.ConcurrencyStamp));
        }
        catch (DbUpdateException exception) when (UniqueViolation.IsLostRace(exception))
        {
            return null;
        }
        finally
        {
            dbContext.Entry(record).State = EntityState.Detached;
        }
    }

    private async Task<IdempotencyClaimResult?> TryTakeOverAsync(
        IdempotencyRecord expired, IdempotencyScope scope, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid();
        var updated = await dbContext.IdempotencyRecords
            .Where(record => record.Id == expired.Id && record.ConcurrencyStamp == expired.ConcurrencyStamp)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(record => record.RequestHash, scope.RequestHash)
                    .SetProperty(record => record.StatusCode, InProgressStatus)
                    .SetProperty(record => record.ResponseBody, string.Empty)
                    .SetProperty(record => record.ExpiresAt, leaseUntil)
                    .SetProperty(record => record.UpdatedAt, timeProvider.GetUtcNow().UtcDateTime)
                    .SetProperty(record => record.ConcurrencyStamp, stamp),
                cancellationToken);
        return updated == 1 ? IdempotencyClaimResult.Claimed(new IdempotencyClaim(expired.Id, stamp)) : null;
    }
}
