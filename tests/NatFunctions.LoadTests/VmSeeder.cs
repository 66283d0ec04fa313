using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NatFunctions.LoadTests;

/// <summary>
/// Writes N applied VMs (three forwards each, as the default template gives) straight into the stack's SQLite file:
/// provisioning 5,000 VMs through a router with a 1.5 s commit would measure the router, not the reads.
/// </summary>
internal static class VmSeeder
{
    private static readonly (string Name, int InternalPort)[] TemplatePorts = [("http", 80), ("https", 443), ("ssh", 22)];

    public static async Task<IReadOnlyList<string>> SeedAsync(LoadStack stack, int count, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={stack.DatabasePath};Pooling=False;Default Timeout=60");
        await connection.OpenAsync(cancellationToken);
        var poolId = await PoolIdAsync(connection, cancellationToken);
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        await using var insertVm = connection.CreateCommand();
        insertVm.Transaction = transaction;
        insertVm.CommandText = """
            INSERT INTO Vms (MachineId, MacAddress, InternalIp, Router, IpPoolId, Metadata, DhcpSyncState, CreatedAt, UpdatedAt, ConcurrencyStamp)
            VALUES ($machine, $mac, $ip, $router, $pool, NULL, 'Applied', $now, $now, $stamp) RETURNING Id
            """;
        var vmParameters = AddParameters(insertVm, "$machine", "$mac", "$ip", "$router", "$pool", "$now", "$stamp");

        await using var insertForward = connection.CreateCommand();
        insertForward.Transaction = transaction;
        insertForward.CommandText = """
            INSERT INTO PortForwards (VmId, Router, PortName, Protocol, InternalPort, ExternalPort, SourceIp, CustomDescription, Status, NatRuleNumber, SyncState, LastError, CreatedAt, UpdatedAt, ConcurrencyStamp)
            VALUES ($vm, $router, $name, 'Tcp', $internal, $external, NULL, NULL, 'Enabled', $rule, 'Applied', NULL, $now, $now, $stamp)
            """;
        var forwardParameters = AddParameters(insertForward, "$vm", "$router", "$name", "$internal", "$external", "$rule", "$now", "$stamp");

        var machineIds = new List<string>(count);
        for (var index = 0; index < count; index++)
        {
            var machineId = $"seed-{index:D5}";
            machineIds.Add(machineId);
            SetValues(vmParameters, machineId, $"52:54:00:{index >> 16 & 0xff:x2}:{index >> 8 & 0xff:x2}:{index & 0xff:x2}",
                $"10.64.{(index + 10) / 250}.{((index + 10) % 250) + 1}", LoadStack.RouterName, poolId, now, Guid.NewGuid().ToString().ToUpperInvariant());
            var vmId = (long)(await insertVm.ExecuteScalarAsync(cancellationToken))!;
            for (var port = 0; port < TemplatePorts.Length; port++)
            {
                var slot = (index * TemplatePorts.Length) + port;
                SetValues(forwardParameters, vmId, LoadStack.RouterName, TemplatePorts[port].Name, TemplatePorts[port].InternalPort,
                    2000 + slot, 10000 + slot, now, Guid.NewGuid().ToString().ToUpperInvariant());
                await insertForward.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return machineIds;
    }

    private static async Task<long> PoolIdAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM IpPools WHERE Name = $name";
        command.Parameters.AddWithValue("$name", LoadStack.IpPoolName);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("The IP pool was not created."));
    }

    private static SqliteParameter[] AddParameters(SqliteCommand command, params string[] names) =>
        names.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();

    private static void SetValues(SqliteParameter[] parameters, params object[] values)
    {
        for (var index = 0; index < parameters.Length; index++)
        {
            parameters[index].Value = values[index];
        }
    }
}
