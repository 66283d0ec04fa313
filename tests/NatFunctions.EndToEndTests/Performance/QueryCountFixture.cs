using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Performance;

/// <summary>
/// A LocalHost whose worker logs every SQL command it runs (EF Core's <c>Executed DbCommand</c>, at Information),
/// with <see cref="VmCount"/> applied VMs written straight into its database: VM i has i % 4 forwards, so the
/// pages and VMs the tests read differ in how many child rows they carry.
/// </summary>
public sealed class QueryCountFixture : LocalHostFixture
{
    public const int VmCount = 120;

    public string DatabasePath => Path.Combine(ScratchDirectory, "natfunctions.db");

    public static string MachineId(int index) => $"qc-{index.ToString("D4", CultureInfo.InvariantCulture)}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var response = await AdminClient.PostJsonAsync(
            "/v1/admin/ip-pools", new { name = "lan", router = "local", cidr = "10.70.0.0/16", range_start = "10.70.0.10", range_end = "10.70.200.250" });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating the pool failed: {await response.Content.ReadAsStringAsync()}");
        }

        await SeedAsync();
    }

    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        // Explicit, so the count does not depend on the app's default log levels.
        environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        // The request's start and finish lines bracket its commands.
        environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
    }

    private async Task SeedAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        for (var index = 0; index < VmCount; index++)
        {
            await using var vm = connection.CreateCommand();
            vm.Transaction = transaction;
            vm.CommandText = """
                INSERT INTO Vms (MachineId, MacAddress, InternalIp, Router, IpPoolId, Metadata, DhcpSyncState, CreatedAt, UpdatedAt, ConcurrencyStamp)
                VALUES ($machine, NULL, $ip, 'local', (SELECT Id FROM IpPools WHERE Name = 'lan'), NULL, 'Applied', $now, $now, $stamp) RETURNING Id
                """;
            vm.Parameters.AddWithValue("$machine", MachineId(index));
            vm.Parameters.AddWithValue("$ip", $"10.70.0.{index + 10}");
            vm.Parameters.AddWithValue("$now", now);
            vm.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString().ToUpperInvariant());
            var vmId = (long)(await vm.ExecuteScalarAsync())!;
            for (var port = 0; port < index % 4; port++)
            {
                var slot = (index * 4) + port;
                await using var forward = connection.CreateCommand();
                forward.Transaction = transaction;
                forward.CommandText = """
                    INSERT INTO PortForwards (VmId, Router, PortName, Protocol, InternalPort, ExternalPort, SourceIp, CustomDescription, Status, NatRuleNumber, SyncState, LastError, CreatedAt, UpdatedAt, ConcurrencyStamp)
                    VALUES ($vm, 'local', $name, 'Tcp', 8080, $external, NULL, NULL, 'Enabled', $rule, 'Applied', NULL, $now, $now, $stamp)
                    """;
                forward.Parameters.AddWithValue("$vm", vmId);
                forward.Parameters.AddWithValue("$name", $"p{port}");
                forward.Parameters.AddWithValue("$external", 40000 + slot);
                forward.Parameters.AddWithValue("$rule", 10000 + slot);
                forward.Parameters.AddWithValue("$now", now);
                forward.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString().ToUpperInvariant());
                await forward.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }
}
