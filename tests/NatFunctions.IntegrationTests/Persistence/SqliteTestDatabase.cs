using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.IntegrationTests.Persistence;

/// <summary>A fresh SQLite file per test, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "nf-tests", Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(folder);
        Settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={FilePath}", MigrateOnStartup: false);
    }

    public string FilePath => Path.Combine(folder, "test.db");

    public DatabaseSettings Settings { get; }

    public NatFunctionsDbContext CreateContext(TimeProvider? timeProvider = null)
    {
        var options = new DbContextOptionsBuilder<NatFunctionsDbContext>().UseConfiguredDatabase(Settings).Options;
        return new NatFunctionsDbContext(options, timeProvider ?? TimeProvider.System);
    }

    public async Task<NatFunctionsDbContext> CreateMigratedContextAsync()
    {
        var context = CreateContext();
        await new MigrationRunner(context, NullLogger<MigrationRunner>.Instance).ApplyPendingAsync(CancellationToken.None);
        return context;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalising connection is left for the OS temp cleaner.
        }
    }
}
