using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Health;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Health;

/// <summary>Runs a real query, so a reachable server with a missing schema also shows as an error.</summary>
internal sealed class DatabaseHealthProbe(NatFunctionsDbContext dbContext, ILogger<DatabaseHealthProbe> logger) : IDatabaseHealthProbe
{
    public async Task<ComponentHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = await dbContext.ApiKeys.AsNoTracking().Select(key => key.Id).FirstOrDefaultAsync(cancellationToken);
            return ComponentHealth.Ok;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Database health check failed");
            return ComponentHealth.Error;
        }
    }
}
