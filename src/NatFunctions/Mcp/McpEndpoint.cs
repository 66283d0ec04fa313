using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Idempotency;
using NatFunctions.Http;

namespace NatFunctions.Mcp;

/// <summary>
/// Answers one stateless Streamable HTTP POST: the SDK's <see cref="McpServer"/> handles the one JSON-RPC message
/// through a <see cref="SingleExchangeTransport"/> and the answer goes back as a plain JSON body (decision 0026).
/// The caller's role decides which tools exist for it; its writes are recorded under the trigger <c>mcp</c>.
/// </summary>
public sealed class McpEndpoint(
    McpToolCatalog catalog, IdempotencyGuard idempotency, ILoggerFactory loggerFactory, IServiceProvider services, ILogger<McpEndpoint> logger)
{
    public const string ProtocolVersionHeader = "Mcp-Protocol-Version";

    private static readonly JsonTypeInfo<JsonRpcMessage> MessageType =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    public async Task<IActionResult> AnswerAsync(HttpRequest request, byte[] body, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var message = Parse(body);
        if (message is null)
        {
            return Problems.BadRequest(
                "The request body is not a JSON-RPC message.",
                new Dictionary<string, string[]> { [JsonBody.WholeBody] = ["must be one JSON-RPC 2.0 request or notification"] });
        }

        var version = request.Headers[ProtocolVersionHeader].ToString();
        if (!string.IsNullOrEmpty(version))
        {
            message.Context ??= new JsonRpcMessageContext();
            message.Context.ProtocolVersion = version;
        }

        var mcpCaller = caller with { Trigger = ChangeTrigger.Mcp };
        var all = catalog.All();
        var tools = all.Where(tool => caller.Has(tool.Role)).ToList();
        var transport = new SingleExchangeTransport(message);
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "natfunctions", Version = typeof(McpEndpoint).Assembly.GetName().Version?.ToString() ?? "1.0" },
            Capabilities = new ServerCapabilities { Tools = new ToolsCapability() },
            ScopeRequests = false,
            Handlers = new McpServerHandlers
            {
                ListToolsHandler = (_, _) => ValueTask.FromResult(new ListToolsResult { Tools = tools.Select(Describe).ToList() }),
                CallToolHandler = async (context, token) =>
                    await CallAsync(all, context.Params?.Name, context.Params?.Arguments, mcpCaller, request.HttpContext, token),
            },
        };
        await using (var server = McpServer.Create(transport, options, loggerFactory, services))
        {
            await server.RunAsync(request.HttpContext.RequestAborted);
        }

        return transport.Answer is { } answer
            ? new ContentResult { StatusCode = StatusCodes.Status200OK, ContentType = ApiResults.JsonContentType, Content = JsonSerializer.Serialize(answer, MessageType) }
            : new StatusCodeResult(StatusCodes.Status202Accepted);
    }

    private static JsonRpcMessage? Parse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, MessageType);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Tool Describe(McpTool tool) => new()
    {
        Name = tool.Name,
        Description = tool.Description,
        InputSchema = McpToolSchema.For(tool),
        Annotations = new ToolAnnotations { ReadOnlyHint = !tool.Writes },
    };

    private async Task<CallToolResult> CallAsync(
        IReadOnlyList<McpTool> all, string? name, IDictionary<string, JsonElement>? arguments, Caller caller, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var tool = all.FirstOrDefault(candidate => candidate.Name == name)
            ?? throw new McpProtocolException($"There is no tool named '{name}'.", McpErrorCode.InvalidParams);
        IActionResult result;
        if (!caller.Has(tool.Role))
        {
            logger.LogInformation("Refused {Actor} ({Role}) the MCP tool {Tool}: needs {RequiredRole}", caller.Name, caller.Role, tool.Name, tool.Role);
            result = Problems.Forbidden($"This operation needs the {tool.Role.ToString().ToLowerInvariant()} role.");
        }
        else
        {
            try
            {
                result = await RunAsync(tool, arguments, caller, httpContext, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Like the HTTP exception middleware: the log has the exception, the agent gets the problem text only.
                logger.LogError(exception, "The MCP tool {Tool} failed", tool.Name);
                result = Problems.Internal();
            }
        }

        return await McpToolResults.FromAsync(result, tool.Writes, httpContext, cancellationToken);
    }

    private async Task<IActionResult> RunAsync(
        McpTool tool, IDictionary<string, JsonElement>? arguments, Caller caller, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var read = McpToolArguments.Read(tool, caller, arguments);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var (call, key, fingerprinted) = read.Value!;
        if (key is null)
        {
            return await tool.Run(call, cancellationToken);
        }

        var fingerprint = RequestFingerprint.Compute("MCP", "tools/call/" + tool.Name, fingerprinted);
        return await idempotency.RunKeyedAsync(httpContext, key, fingerprint, () => tool.Run(call, cancellationToken));
    }
}
