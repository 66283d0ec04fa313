using Microsoft.AspNetCore.Mvc;
using NatFunctions.Core.Domain;

namespace NatFunctions.Mcp;

/// <summary>
/// One MCP tool: a thin adapter over a use case. <see cref="Body"/> is the HTTP request type whose fields are the
/// tool's other arguments (its JSON schema is generated from that type, and the arguments are read exactly as the
/// HTTP body is); <see cref="Run"/> answers in the API's own results, so a tool means what its endpoint means.
/// </summary>
public sealed record McpTool(
    string Name,
    string Description,
    ApiRole Role,
    bool Writes,
    IReadOnlyList<McpAddress> Addresses,
    Type? Body,
    Func<McpToolCall, CancellationToken, Task<IActionResult>> Run);
