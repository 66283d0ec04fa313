using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Migrations.SqlServer;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQL Server model without a server: generating migrations and idempotent scripts
/// never opens the connection.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NatFunctionsDbContext>
{
    public NatFunctionsDbContext CreateDbContext(string[] args)
    {
        var settings = new DatabaseSettings(
            DatabaseProvider.SqlServer,
            "Server=(design-time);Database=NatFunctions;Authentication=Active Directory Default",
            MigrateOnStartup: false);
        var options = new DbContextOptionsBuilder<NatFunctionsDbContext>().UseConfiguredDatabase(settings).Options;
        return new NatFunctionsDbContext(options, TimeProvider.System);
    }
}
