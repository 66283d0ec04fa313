using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NatFunctions.Core.Pools;
using NatFunctions.Infrastructure.Pools;

namespace NatFunctions;

public static class StartupPools
{
    /// <summary>
    /// Creates the configured pools that are missing (decision 0024): a fresh install answers its first provision
    /// instead of 507. Runs after the startup migration; a database that is not migrated yet is left alone (logged),
    /// and the pools are created at the next start.
    /// </summary>
    public static async Task CreateConfiguredPoolsAsync(this IHost host)
    {
        var pools = ConfiguredPoolsReader.Read(host.Services.GetRequiredService<IConfiguration>());
        if (pools.IsEmpty) return;

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupPools));
        await using var scope = host.Services.CreateAsyncScope();
        IReadOnlyList<string> created;
        try
        {
            created = await scope.ServiceProvider.GetRequiredService<PoolSeeder>().SeedAsync(pools, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not PoolSeedException && IsSchemaMissing(exception))
        {
            logger.LogWarning(exception, "Configured pools were not created: the database is not migrated yet (POST /v1/admin/migrate), they are created at the next start");
            return;
        }

        if (created.Count > 0) logger.LogInformation("Created the configured pools: {Pools}", string.Join(", ", created));
    }

    // SQLite "no such table", SQL Server "Invalid object name": the schema is not there yet.
    private static bool IsSchemaMissing(Exception exception) =>
        exception.ToString().Contains("no such table", StringComparison.OrdinalIgnoreCase)
        || exception.ToString().Contains("Invalid object name", StringComparison.OrdinalIgnoreCase);
}
