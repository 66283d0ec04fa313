using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NatFunctions.Infrastructure.Persistence;

/// <summary>Points a context at the configured provider and at that provider's own migration set.</summary>
public static class DbContextOptionsConfigurator
{
    public static TBuilder UseConfiguredDatabase<TBuilder>(this TBuilder options, DatabaseSettings settings)
        where TBuilder : DbContextOptionsBuilder
    {
        _ = settings.Provider switch
        {
            DatabaseProvider.SqlServer => options.UseSqlServer(
                settings.ConnectionString,
                sql => sql.MigrationsAssembly(settings.MigrationsAssembly).EnableRetryOnFailure()),
            _ => options.UseSqlite(
                WithBusyTimeout(settings.ConnectionString),
                sqlite => sqlite.MigrationsAssembly(settings.MigrationsAssembly)),
        };
        return options;
    }

    // Many requests write at once; SQLite answers SQLITE_BUSY at once unless told to wait for the writer lock.
    private static string WithBusyTimeout(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = 60;
        }

        return builder.ToString();
    }
}
