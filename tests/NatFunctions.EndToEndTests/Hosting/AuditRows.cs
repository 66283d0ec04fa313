using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NatFunctions.EndToEndTests.Hosting;

/// <summary>Reads the audit straight from an app's SQLite file, the way an auditor would, beside the running app.</summary>
public static class AuditRows
{
    public static async Task<int> CountRouterChangesAsync(string databasePath, string result)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM RouterChanges WHERE Result = $result";
        command.Parameters.AddWithValue("$result", result);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
