using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the Functions app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NatFunctionsDbContext>
{
    public NatFunctionsDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db", MigrateOnStartup: false);
        var options = new DbContextOptionsBuilder<NatFunctionsDbContext>().UseConfiguredDatabase(settings).Options;
        return new NatFunctionsDbContext(options, TimeProvider.System);
    }
}
