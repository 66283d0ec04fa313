using Microsoft.EntityFrameworkCore;
using NatFunctions.Core.Audit;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Audit;

internal sealed class EfRouterChangeLog(NatFunctionsDbContext dbContext) : IRouterChangeLog
{
    public async Task<ChangePage> ListAsync(string? router, long? beforeId, int pageSize, CancellationToken cancellationToken)
    {
        var query = dbContext.RouterChanges.AsNoTracking();
        if (router is not null)
        {
            query = query.Where(change => change.Router == router);
        }

        if (beforeId is { } before)
        {
            query = query.Where(change => change.Id < before);
        }

        // One row more than asked tells whether another page follows without a second query.
        var rows = await query.OrderByDescending(change => change.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return new ChangePage(rows.Take(pageSize).ToList(), rows.Count > pageSize);
    }
}
