using System.Net;
using ModelContextProtocol.Client;
using NatFunctions.EndToEndTests.Hosting;
using NatFunctions.EndToEndTests.Provisioning;

namespace NatFunctions.EndToEndTests.Mcp;

/// <summary>A LocalHost with pools ready for VMs and one API key per role, for driving POST /v1/mcp with the SDK's client.</summary>
public sealed class McpFixture : ProvisioningFixture
{
    public const string ReaderName = "mcp-reader";
    public const string OperatorName = "mcp-agent";

    public string ReaderKey { get; private set; } = string.Empty;

    public string OperatorKey { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ReaderKey = await CreateKeyAsync(ReaderName, "reader");
        OperatorKey = await CreateKeyAsync(OperatorName, "operator");
    }

    /// <summary>
    /// The SDK's Streamable HTTP client on /v1/mcp with the key in X-API-Key, over an HttpClient that holds every
    /// answer to docs/openapi.json like every other client of these tests.
    /// </summary>
    /// <param name="protocolVersion">Null for the client's default (the 2026-07-28 revision, falling back to the handshake).</param>
    public async Task<McpClient> ConnectAsync(string apiKey, string? protocolVersion = null)
    {
        var http = ApiClients.Create(Host.BaseAddress, apiKey, TimeSpan.FromMinutes(2));
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(Host.BaseAddress, "/v1/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http,
            loggerFactory: null,
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, new McpClientOptions { ClientInfo = new() { Name = "natfunctions-e2e", Version = "1.0" }, ProtocolVersion = protocolVersion });
    }

    private async Task<string> CreateKeyAsync(string name, string role)
    {
        var response = await AdminClient.PostJsonAsync("/v1/admin/api-keys", new { name, role });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating the {role} key failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.ReadJsonAsync()).GetProperty("key").GetString()!;
    }
}
