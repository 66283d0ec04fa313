using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ModelContextProtocol.Protocol;
using NatFunctions.Http;

namespace NatFunctions.Mcp;

/// <summary>
/// A tool's answer, from the same result its HTTP endpoint gives: the text is the endpoint's body (the problem+json
/// document on errors, never an exception), and the structured content carries the HTTP status and what it means,
/// so an agent tells applied (200/201) from pending (202) from rejected by the router (422, with VyOS's message).
/// </summary>
public static class McpToolResults
{
    public static async Task<CallToolResult> FromAsync(IActionResult result, bool writes, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var stored = await IdempotencyResponses.CaptureAsync(result, httpContext, cancellationToken)
            ?? await IdempotencyResponses.CaptureAsync(Problems.Internal(), httpContext, cancellationToken);
        var status = stored!.StatusCode;
        var structured = new JsonObject
        {
            ["status"] = status,
            ["outcome"] = Outcome(status, writes),
            [status >= 400 ? "problem" : "result"] = string.IsNullOrEmpty(stored.Body) ? null : JsonNode.Parse(stored.Body),
        };
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = stored.Body }],
            StructuredContent = JsonSerializer.SerializeToElement(structured),
            IsError = status >= 400,
        };
    }

    private static string Outcome(int status, bool writes) => status switch
    {
        StatusCodes.Status202Accepted => "pending",
        < 300 => writes ? "applied" : "ok",
        StatusCodes.Status422UnprocessableEntity => "rejected",
        < 500 => "refused",
        _ => "failed",
    };
}
