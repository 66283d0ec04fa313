using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.IntegrationTests.Persistence;

public sealed class MigrationRunnerTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_sqlite_file_and_create_every_table()
    {
        using var database = new SqliteTestDatabase();
        await using var context = database.CreateContext();
        var runner = new MigrationRunner(context, NullLogger<MigrationRunner>.Instance);

        var before = await runner.GetStatusAsync(CancellationToken.None);
        var applied = await runner.ApplyPendingAsync(CancellationToken.None);
        var after = await runner.GetStatusAsync(CancellationToken.None);

        Assert.Empty(before.Applied);
        Assert.NotEmpty(before.Pending);
        Assert.Equal(before.Pending, applied);
        Assert.Equal(before.Pending, after.Applied);
        Assert.Empty(after.Pending);

        await using var connection = new SqliteConnection($"Data Source={database.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Superset(
            new HashSet<string> { "ApiKeys", "IdempotencyRecords", "IpPools", "PortForwards", "PortPools", "RouterChanges", "Vms" },
            tables.ToHashSet());
    }

    [Fact]
    public async Task Applying_twice_applies_nothing_the_second_time()
    {
        using var database = new SqliteTestDatabase();
        await using var context = await database.CreateMigratedContextAsync();

        var second = await new MigrationRunner(context, NullLogger<MigrationRunner>.Instance).ApplyPendingAsync(CancellationToken.None);

        Assert.Empty(second);
    }

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var database = new SqliteTestDatabase();
        using var context = database.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges(), "The SQLite migration set is behind the model: add a migration.");
    }

    [Fact]
    public void Sql_server_migrations_match_the_model()
    {
        using var context = new NatFunctions.Migrations.SqlServer.DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(context.Database.HasPendingModelChanges(), "The SQL Server migration set is behind the model: add a migration.");
    }

    [Fact]
    public void Sql_server_idempotent_script_parses_without_errors()
    {
        using var context = new NatFunctions.Migrations.SqlServer.DesignTimeDbContextFactory().CreateDbContext([]);
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        Assert.Contains("CREATE TABLE [Vms]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
    }
}
