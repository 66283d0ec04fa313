using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NatFunctions.Infrastructure.Provisioning;

/// <summary>Recognises "another writer got there first" on either provider, as opposed to any other failure.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public static bool IsLostRace(DbUpdateException exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        { InnerException: SqliteException { SqliteErrorCode: SqliteConstraint } sqlite } =>
            sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        { InnerException: SqlException { Number: SqlServerUniqueIndex or SqlServerUniqueConstraint } } => true,
        _ => false,
    };
}
