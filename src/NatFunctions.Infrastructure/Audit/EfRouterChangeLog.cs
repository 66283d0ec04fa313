using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Audit;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Audit;

internal sealed class EfRouterChangeLog(NatFunctionsDbContext dbContext) : IRouterChangeLog
{
    public async Task<ChangePage> ListAsync(ChangeFilter filter, long? beforeId, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = dbContext.RouterChanges.AsNoTracking();
        if (filter.Router is { } router)
        {
            query = query.Where(change => change.Router == router);
        }

        if (filter.Result is { } result)
        {
            query = query.Where(change => change.Result == result);
        }

        if (filter.Trigger is { } trigger)
        {
            query = query.Where(change => change.Trigger == trigger);
        }

        if (filter.Since is { } since)
        {
            query = query.Where(change => change.StartedAt >= since);
        }

        if (filter.Until is { } until)
        {
            query = query.Where(change => change.StartedAt < until);
        }

        if (beforeId is { } before)
        {
            query = query.Where(change => change.Id < before);
        }

        // One row more than asked tells whether another page follows without a second query.
        var rows = await query.OrderByDescending(change => change.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return new ChangePage(rows.Take(pageSize).ToList(), rows.Count > pageSize);
    }

    public Task<int> PruneAsync(DateTime startedBefore, CancellationToken cancellationToken) =>
        dbContext.RouterChanges.Where(change => change.StartedAt < startedBefore).ExecuteDeleteAsync(cancellationToken);
}
