using Microsoft.Extensions.Configuration;
using NatFunctions.Infrastructure.Hosting;

namespace NatFunctions.Infrastructure.Persistence;

/// <summary>
/// Settings under <c>Database:</c>. With nothing configured the app runs on a SQLite file in the user's local data
/// folder and migrates it at startup, so a newcomer's first run needs no setup; Azure SQL is chosen explicitly.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public const string SqliteMigrationsAssembly = "NatFunctions.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "NatFunctions.Migrations.SqlServer";

    public string MigrationsAssembly =>
        Provider == DatabaseProvider.SqlServer ? SqlServerMigrationsAssembly : SqliteMigrationsAssembly;

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Database");
        var providerText = section["Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : providerText.Trim().ToLowerInvariant() switch
            {
                "sqlite" => DatabaseProvider.Sqlite,
                "sqlserver" or "azuresql" => DatabaseProvider.SqlServer,
                _ => throw new InvalidOperationException(
                    $"Database:Provider must be 'sqlite' or 'sqlserver', not '{providerText}'."),
            };

        var connectionString = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.SqlServer)
            {
                throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is sqlserver.");
            }

            connectionString = $"Data Source={DefaultSqlitePath()}";
        }

        var migrateText = section["MigrateOnStartup"];
        var migrateOnStartup = string.IsNullOrWhiteSpace(migrateText)
            ? provider == DatabaseProvider.Sqlite
            : bool.Parse(migrateText);

        return new DatabaseSettings(provider, connectionString, migrateOnStartup);
    }

    private static string DefaultSqlitePath()
    {
        var folder = LocalDataFolder.Root;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "natfunctions.db");
    }
}
