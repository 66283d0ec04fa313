using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Operations;

/// <summary>
/// One full operator scenario through LocalHost and the real worker: keys, pools, provision, port actions, sync,
/// router views, audit, health, metrics, decommission; every operation of docs/openapi.json at least once with a
/// success. Every exchange is recorded (and, as everywhere, held to the document); the tests then read the
/// responses, the final metrics scrape and everything the processes printed. The simulated router is given fake credentials (password, private
/// key, passphrase) so that there are router secrets that must never be printed.
/// </summary>
public sealed class OperationsFixture : LocalHostFixture
{
    public const string RouterPassword = "e2e-router-password-Zq8v1Tk";
    public const string PrivateKeyBody = "b3BlbnNzaC1rZXktdjEAAAAAE2EfakePrivateKeyBodyOps0001xyz";
    public const string PrivateKeyPassphrase = "e2e-key-passphrase-Wm3x9Rd";
    public const string MachineId = "ops-01";

    public static string PrivateKey => $"-----BEGIN OPENSSH PRIVATE KEY-----\n{PrivateKeyBody}\n-----END OPENSSH PRIVATE KEY-----\n";

    public ConcurrentQueue<RecordedExchange> Exchanges { get; } = new();

    public List<string> CreatedKeySecrets { get; } = [];

    public string FinalMetrics { get; private set; } = string.Empty;

    public IEnumerable<string> Secrets =>
        CreatedKeySecrets.Append(TestKeys.BootstrapAdmin).Append(RouterPassword).Append(PrivateKeyBody).Append(PrivateKeyPassphrase);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var anonymous = Recording(null);
        using var admin = Recording(TestKeys.BootstrapAdmin);

        await ExpectAsync(anonymous.GetAsync("/v1/health"), 200);
        await ExpectAsync(anonymous.GetAsync("/v1/vms"), 401);
        var readerKey = await CreateKeyAsync(admin, "ops-reader", "reader");
        var operatorKey = await CreateKeyAsync(admin, "ops-operator", "operator");
        var temporaryKey = await CreateKeyAsync(admin, "ops-temporary", "reader");
        await ExpectAsync(admin.GetAsync("/v1/admin/api-keys"), 200);
        var temporaryId = temporaryKey.GetProperty("id").GetInt64();
        await ExpectAsync(admin.GetAsync($"/v1/admin/api-keys/{temporaryId}"), 200);
        await ExpectAsync(admin.PatchAsJsonAsync($"/v1/admin/api-keys/{temporaryId}", new { name = "ops-temporary-renamed" }), 200);
        await ExpectAsync(admin.PostJsonAsync("/v1/admin/api-keys", new { name = "bad", role = "emperor" }), 400);

        await ExpectAsync(admin.PostJsonAsync("/v1/admin/ip-pools", new { name = "lan", router = "local", cidr = "192.168.64.0/24", range_start = "192.168.64.10", range_end = "192.168.64.250" }), 201);
        await ExpectAsync(admin.PostJsonAsync("/v1/admin/ip-pools", new { name = "spare", router = "local", cidr = "192.168.64.0/24", range_start = "192.168.64.2", range_end = "192.168.64.3" }), 201);
        await ExpectAsync(admin.PutAsJsonAsync("/v1/admin/ip-pools/spare", new { cidr = "192.168.64.0/24", range_start = "192.168.64.2", range_end = "192.168.64.5" }), 200);
        await ExpectAsync(admin.GetAsync("/v1/admin/ip-pools"), 200);
        await ExpectAsync(admin.GetAsync("/v1/admin/ip-pools/lan"), 200);
        await ExpectAsync(admin.GetAsync("/v1/admin/ip-pools/nope"), 404);
        await ExpectAsync(admin.PostJsonAsync("/v1/admin/port-pools", new { name = "ext", router = "local", start_port = 32000, end_port = 33999 }), 201);
        await ExpectAsync(admin.GetAsync("/v1/admin/port-pools"), 200);
        await ExpectAsync(admin.GetAsync("/v1/admin/port-pools/ext"), 200);
        await ExpectAsync(admin.PostJsonAsync("/v1/admin/port-pools", new { name = "spare-ports", router = "local", start_port = 40000, end_port = 40009 }), 201);
        await ExpectAsync(admin.PutAsJsonAsync("/v1/admin/port-pools/spare-ports", new { start_port = 40000, end_port = 40019 }), 200);
        await ExpectAsync(admin.DeleteAsync("/v1/admin/port-pools/spare-ports"), 204);

        using var reader = Recording(readerKey.GetProperty("key").GetString());
        using var operatorClient = Recording(operatorKey.GetProperty("key").GetString());
        await ExpectAsync(reader.PostJsonAsync("/v1/vms/provision", new { vm_name = "not-allowed" }), 403);
        await ExpectAsync(operatorClient.PostJsonAsync("/v1/vms/provision", new { vm_name = MachineId, mac_address = "52:54:00:0a:00:01", custom_description = "ops scenario" }), 201);
        await ExpectAsync(operatorClient.PostJsonAsync("/v1/vms/provision", new { vm_name = MachineId }), 409);
        await ExpectAsync(operatorClient.PostRawAsync("/v1/vms/provision", """{"vm_name": 5}"""), 400);
        await ExpectAsync(reader.GetAsync("/v1/vms?page_size=10"), 200);
        await ExpectAsync(reader.GetAsync("/v1/vms?page_size=0"), 400);
        var vm = await ExpectAsync(reader.GetAsync($"/v1/vms/{MachineId}"), 200);
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, $"/v1/vms/{MachineId}"))
        {
            conditional.Headers.TryAddWithoutValidation("If-None-Match", vm.Headers.ETag?.ToString());
            await ExpectAsync(reader.SendAsync(conditional), 304);
        }

        await ExpectAsync(reader.GetAsync("/v1/vms/no-such-vm"), 404);

        var ports = $"/v1/vms/{MachineId}/ports";
        await ExpectAsync(reader.PostJsonAsync($"{ports}/api", new { action = "create", internal_port = 8080 }), 403);
        await ExpectAsync(operatorClient.PostJsonAsync($"{ports}/api", new { action = "create", internal_port = 8080, protocol = "tcp_udp" }), 200);
        await ExpectAsync(operatorClient.PostJsonAsync($"{ports}/api", new { action = "disable" }), 200);
        await ExpectAsync(operatorClient.PostJsonAsync($"{ports}/api", new { action = "update", internal_port = 9090 }), 200);
        await ExpectAsync(operatorClient.PostJsonAsync($"{ports}/template", new { action = "pause", ports = new[] { "ssh" } }), 200);
        await ExpectAsync(operatorClient.PostJsonAsync($"{ports}/api", new { action = "explode" }), 400);
        await ExpectAsync(operatorClient.PostJsonAsync($"{ports}/api", new { action = "delete" }), 200);

        await ExpectAsync(admin.PostAsync("/v1/admin/sync-vyos-config?dry_run=true", null), 200);
        await ExpectAsync(admin.PostAsync("/v1/admin/sync-vyos-config", null), 200);
        await ExpectAsync(admin.PostAsync("/v1/admin/sync-vyos-config?dry_run=maybe", null), 400);
        await ExpectAsync(admin.PostAsync("/v1/admin/sync-vyos-config?router=elsewhere", null), 404);
        await ExpectAsync(admin.GetAsync("/v1/admin/routers"), 200);
        await ExpectAsync(admin.GetAsync("/v1/admin/routers/local/nat"), 200);
        await ExpectAsync(admin.GetAsync("/v1/admin/routers/elsewhere/nat"), 404);
        await ExpectAsync(admin.GetAsync("/v1/admin/routers/local/preflight"), 200);
        await ExpectAsync(admin.GetAsync("/v1/admin/routers/elsewhere/preflight"), 404);
        await ExpectAsync(admin.GetAsync("/v1/admin/changes?page_size=5"), 200);
        await ExpectAsync(admin.GetAsync("/v1/admin/changes?page_size=0"), 400);
        await ExpectAsync(admin.GetAsync("/v1/admin/migrate"), 200);
        await ExpectAsync(admin.PostAsync("/v1/admin/migrate", null), 200);
        const string listTools = """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""";
        await ExpectAsync(reader.PostRawAsync("/v1/mcp", listTools), 200);
        await ExpectAsync(reader.PostRawAsync("/v1/mcp", """{"jsonrpc":"2.0","method":"notifications/initialized"}"""), 202);
        await ExpectAsync(reader.PostRawAsync("/v1/mcp", "[]"), 400);
        await ExpectAsync(reader.GetAsync("/v1/mcp"), 405);
        await ExpectAsync(reader.DeleteAsync("/v1/mcp"), 405);
        await ExpectAsync(reader.GetAsync("/v1/openapi.json"), 200);
        await ExpectAsync(anonymous.GetAsync("/metrics"), 401);
        await ExpectAsync(reader.GetAsync("/metrics"), 200);

        await ExpectAsync(operatorClient.DeleteAsync($"/v1/vms/{MachineId}/decommission"), 403);
        await ExpectAsync(admin.DeleteAsync($"/v1/vms/{MachineId}/decommission"), 200);
        await ExpectAsync(admin.DeleteAsync("/v1/admin/ip-pools/spare"), 204);
        await ExpectAsync(admin.DeleteAsync($"/v1/admin/api-keys/{temporaryId}"), 204);
        await ExpectAsync(anonymous.GetAsync("/v1/health"), 200);

        var metrics = await ExpectAsync(reader.GetAsync("/metrics"), 200);
        FinalMetrics = await metrics.Content.ReadAsStringAsync();
    }

    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        environment["Routers__local__DhcpSharedNetwork"] = "LAN";
        environment["Routers__local__DhcpSubnet"] = "192.168.64.0/24";
        environment["Routers__local__Password"] = RouterPassword;
        environment["Routers__local__PrivateKey"] = PrivateKey;
        environment["Routers__local__PrivateKeyPassphrase"] = PrivateKeyPassphrase;
        environment["Apply__WaitSeconds"] = "20";
    }

    private HttpClient Recording(string? apiKey) => ApiClients.Create(Host.BaseAddress, apiKey, recorded: Exchanges);

    private async Task<JsonElement> CreateKeyAsync(HttpClient admin, string name, string role)
    {
        var response = await ExpectAsync(admin.PostJsonAsync("/v1/admin/api-keys", new { name, role }), 201);
        var created = await response.ReadJsonAsync();
        CreatedKeySecrets.Add(created.GetProperty("key").GetString()!);
        return created;
    }

    private static async Task<HttpResponseMessage> ExpectAsync(Task<HttpResponseMessage> sending, int status)
    {
        var response = await sending;
        if ((int)response.StatusCode != status)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }
}
