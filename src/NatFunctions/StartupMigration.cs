using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions;

public static class StartupMigration
{
    /// <summary>Local runs migrate at startup (Database:MigrateOnStartup); deployments use the migrate function or a script.</summary>
    public static async Task MigrateDatabaseIfConfiguredAsync(this IHost host)
    {
        if (!host.Services.GetRequiredService<DatabaseSettings>().MigrateOnStartup)
        {
            return;
        }

        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrationRunner>().ApplyPendingAsync(CancellationToken.None);
    }
}
