using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using NatFunctions.EndToEndTests.Hosting;
using NatFunctions.EndToEndTests.Provisioning;

namespace NatFunctions.EndToEndTests.Security;

/// <summary>
/// A LocalHost with pools, one provisioned VM (<see cref="TargetVm"/>, forward <c>app</c>) and one API key to aim
/// hostile requests at, plus exact snapshots of the database file and the router's configuration.
/// </summary>
public sealed class HostileInputFixture : ProvisioningFixture
{
    public const string TargetVm = "hostile-target";

    public long TargetKeyId { get; private set; }

    public string ReaderKey { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var provision = await AdminClient.PostJsonAsync("/v1/vms/provision", new
        {
            vm_name = TargetVm,
            mac_address = "52:54:00:00:00:01",
            ports = new[] { "ssh" },
            forwards = new[] { new { port_name = "app", internal_port = 8080 } },
        });
        if (provision.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Provisioning the target failed: {(int)provision.StatusCode} {await provision.Content.ReadAsStringAsync()}");
        }

        var key = await (await AdminClient.PostJsonAsync("/v1/admin/api-keys", new { name = "hostile-target-key", role = "reader" })).ReadJsonAsync();
        TargetKeyId = key.GetProperty("id").GetInt64();
        ReaderKey = key.GetProperty("key").GetString()!;
    }

    /// <summary>Every row of every table, in a stable order: equal snapshots mean nothing was written.</summary>
    public async Task<string> DatabaseSnapshotAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new StringBuilder();
        foreach (var table in tables)
        {
            snapshot.Append("## ").AppendLine(table);
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var value = rows.GetValue(i);
                    snapshot.Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                snapshot.AppendLine();
            }
        }

        return snapshot.ToString();
    }

    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        base.ConfigureEnvironment(environment);
        // The reconcile timer must not run during the comparisons (once a year, on 1 January at midnight).
        environment["SyncSchedule"] = "0 0 0 1 1 *";
    }
}
