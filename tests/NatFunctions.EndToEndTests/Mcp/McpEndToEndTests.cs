using System.Net;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Mcp;

/// <summary>
/// POST /v1/mcp through the official MCP C# client against the local host and the real worker: the handshake, the
/// tools each role sees, a provision whose rules land on the simulated router and whose session is audited under
/// the agent's key with trigger mcp, and the refusals (hostile argument, too small a role).
/// </summary>
public sealed class McpEndToEndTests(McpFixture fixture) : IClassFixture<McpFixture>
{
    private static readonly string[] ReaderTools = ["get_vm", "list_vms"];
    private static readonly string[] OperatorTools = ["get_vm", "list_vms", "provision_vm", "set_port_forward"];

    private static readonly string[] AdminTools =
        ["decommission_vm", "get_vm", "list_changes", "list_routers", "list_vms", "provision_vm", "router_preflight", "set_port_forward", "sync_dry_run"];

    [Theory]
    [InlineData(null, "2026-07-28")]
    [InlineData("2025-11-25", "2025-11-25")]
    [InlineData("2025-06-18", "2025-06-18")]
    [InlineData("2025-03-26", "2025-03-26")]
    public async Task The_handshake_names_the_server_and_offers_tools(string? asked, string negotiated)
    {
        await using var client = await fixture.ConnectAsync(fixture.ReaderKey, asked);

        Assert.Equal(negotiated, client.NegotiatedProtocolVersion);
        Assert.Equal("natfunctions", client.ServerInfo?.Name);
        Assert.NotNull(client.ServerCapabilities?.Tools);
        Assert.Equal(ReaderTools, (await client.ListToolsAsync()).Select(tool => tool.Name).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task One_post_is_one_json_rpc_exchange_answered_as_plain_json()
    {
        using var reader = fixture.ClientWithKey(fixture.ReaderKey);

        using var initialize = await reader.PostRawAsync(
            "/v1/mcp",
            """{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""");
        using var initialized = await reader.PostRawAsync("/v1/mcp", """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        using var notJsonRpc = await reader.PostRawAsync("/v1/mcp", """{"hello":"world"}""");

        Assert.Equal(HttpStatusCode.OK, initialize.StatusCode);
        Assert.Equal("application/json", initialize.Content.Headers.ContentType?.MediaType);
        Assert.False(initialize.Headers.Contains("Mcp-Session-Id"));
        var answer = await initialize.ReadJsonAsync();
        Assert.Equal(7, answer.GetProperty("id").GetInt32());
        Assert.Equal("2025-06-18", answer.GetProperty("result").GetProperty("protocolVersion").GetString());
        Assert.Equal(HttpStatusCode.Accepted, initialized.StatusCode);
        Assert.Empty(await initialized.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.BadRequest, notJsonRpc.StatusCode);
    }

    [Fact]
    public async Task Each_role_lists_exactly_the_tools_it_may_use()
    {
        Assert.Equal(ReaderTools, await ToolNamesAsync(fixture.ReaderKey));
        Assert.Equal(OperatorTools, await ToolNamesAsync(fixture.OperatorKey));
        Assert.Equal(AdminTools, await ToolNamesAsync(TestKeys.BootstrapAdmin));
    }

    [Fact]
    public async Task A_tool_schema_is_the_request_type_of_its_endpoint_plus_its_addresses()
    {
        await using var client = await fixture.ConnectAsync(fixture.OperatorKey);
        var tools = (await client.ListToolsAsync()).ToDictionary(tool => tool.Name);

        var provision = tools["provision_vm"].JsonSchema;
        var properties = provision.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["custom_description", "forwards", "idempotency_key", "ip_pool", "mac_address", "metadata", "ports", "protocol", "router", "source_ip", "vm_name"],
            properties);
        Assert.False(provision.GetProperty("additionalProperties").GetBoolean());
        var port = tools["set_port_forward"].JsonSchema;
        Assert.Equal(["machine_id"], port.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.True(port.GetProperty("properties").TryGetProperty("action", out _));
    }

    [Fact]
    public async Task A_vm_provisioned_through_a_tool_has_its_rules_on_the_router_and_its_session_audited_as_mcp()
    {
        await using var client = await fixture.ConnectAsync(fixture.OperatorKey);
        var arguments = new Dictionary<string, object?>
        {
            ["vm_name"] = "agent-01",
            ["mac_address"] = "52:54:00:AC:00:01",
            ["ports"] = new[] { "ssh" },
            ["idempotency_key"] = "agent-run-1:provision",
        };

        var result = await client.CallToolAsync("provision_vm", arguments);
        var lines = await fixture.Router.ShowConfigurationCommandsAsync();

        Assert.False(result.IsError);
        var structured = result.StructuredContent!.Value;
        Assert.Equal(201, structured.GetProperty("status").GetInt32());
        Assert.Equal("applied", structured.GetProperty("outcome").GetString());
        var vm = structured.GetProperty("result");
        var ip = vm.GetProperty("internal_ip").GetString();
        var forward = Assert.Single(vm.GetProperty("forwards").EnumerateArray());
        var rule = forward.GetProperty("nat_rule_number").GetInt32();
        Assert.Contains($"set nat destination rule {rule} description 'nf:agent-01:ssh'", lines);
        Assert.Contains($"set nat destination rule {rule} translation address '{ip}'", lines);
        Assert.Contains($"set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-agent-01 ip-address '{ip}'", lines);

        // The agent's retry with the same key gets the same answer and provisions nothing twice.
        var retry = await client.CallToolAsync("provision_vm", arguments);
        Assert.Equal(201, retry.StructuredContent!.Value.GetProperty("status").GetInt32());
        Assert.Equal(ip, retry.StructuredContent!.Value.GetProperty("result").GetProperty("internal_ip").GetString());

        var audit = await (await fixture.AdminClient.GetAsync("/v1/admin/changes?trigger=mcp&result=committed")).ReadJsonAsync();
        var session = Assert.Single(
            audit.GetProperty("items").EnumerateArray(),
            item => item.GetProperty("commands").EnumerateArray().Any(command => command.GetString()!.Contains("nf:agent-01:ssh", StringComparison.Ordinal)));
        Assert.Equal(McpFixture.OperatorName, session.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_port_forward_changed_through_a_tool_is_applied_and_a_hostile_one_names_its_field()
    {
        await using var client = await fixture.ConnectAsync(fixture.OperatorKey);
        var provisioned = await client.CallToolAsync("provision_vm", new Dictionary<string, object?> { ["vm_name"] = "agent-02", ["ports"] = new[] { "http" } });
        Assert.Equal(201, provisioned.StructuredContent!.Value.GetProperty("status").GetInt32());

        var disabled = await client.CallToolAsync(
            "set_port_forward", new Dictionary<string, object?> { ["machine_id"] = "agent-02", ["port_name"] = "http", ["action"] = "disable" });
        var hostile = await client.CallToolAsync(
            "set_port_forward",
            new Dictionary<string, object?> { ["machine_id"] = "agent-02", ["port_name"] = "http", ["action"] = "update", ["source_ip"] = "1.2.3.4'; reboot" });

        Assert.Equal("applied", disabled.StructuredContent!.Value.GetProperty("outcome").GetString());
        var forward = Assert.Single(disabled.StructuredContent!.Value.GetProperty("result").GetProperty("forwards").EnumerateArray());
        Assert.Equal("disabled", forward.GetProperty("status").GetString());
        Assert.True(hostile.IsError);
        Assert.Equal(400, hostile.StructuredContent!.Value.GetProperty("status").GetInt32());
        Assert.True(hostile.StructuredContent!.Value.GetProperty("problem").GetProperty("errors").TryGetProperty("source_ip", out _));
    }

    [Fact]
    public async Task A_hostile_argument_is_refused_naming_the_field_and_reaches_nothing()
    {
        await using var client = await fixture.ConnectAsync(fixture.OperatorKey);
        var before = await fixture.Router.ShowConfigurationCommandsAsync();

        var hostileName = await client.CallToolAsync("provision_vm", new Dictionary<string, object?> { ["vm_name"] = "x'; run reboot now; '" });
        var unknownField = await client.CallToolAsync("provision_vm", new Dictionary<string, object?> { ["vm_name"] = "agent-03", ["vm_nmae"] = "agent-03" });
        var wrongType = await client.CallToolAsync("get_vm", new Dictionary<string, object?> { ["machine_id"] = new[] { "a" } });

        foreach (var (result, field) in new[] { (hostileName, "vm_name"), (unknownField, "vm_nmae"), (wrongType, "machine_id") })
        {
            Assert.True(result.IsError);
            var structured = result.StructuredContent!.Value;
            Assert.Equal(400, structured.GetProperty("status").GetInt32());
            Assert.True(structured.GetProperty("problem").GetProperty("errors").TryGetProperty(field, out _), structured.ToString());
            var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
            Assert.Equal(400, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }

        Assert.Equal(before, await fixture.Router.ShowConfigurationCommandsAsync());
    }

    [Fact]
    public async Task A_reader_is_denied_a_write_tool_and_nothing_is_written()
    {
        await using var client = await fixture.ConnectAsync(fixture.ReaderKey);

        var result = await client.CallToolAsync("provision_vm", new Dictionary<string, object?> { ["vm_name"] = "reader-01" });

        Assert.True(result.IsError);
        Assert.Equal(403, result.StructuredContent!.Value.GetProperty("status").GetInt32());
        Assert.Contains("operator role", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.AdminClient.GetAsync("/v1/vms/reader-01")).StatusCode);
    }

    [Fact]
    public async Task Get_answers_405_and_a_request_without_a_key_401()
    {
        using var reader = fixture.ClientWithKey(fixture.ReaderKey);

        using var get = await reader.GetAsync("/v1/mcp");
        using var anonymous = await fixture.Client.PostRawAsync("/v1/mcp", """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<string[]> ToolNamesAsync(string apiKey)
    {
        await using var client = await fixture.ConnectAsync(apiKey);
        return (await client.ListToolsAsync()).Select(tool => tool.Name).Order(StringComparer.Ordinal).ToArray();
    }
}
