using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NatFunctions.Core.Domain;
using NatFunctions.Http;
using NatFunctions.Mcp;

namespace NatFunctions.Functions;

/// <summary>
/// The Model Context Protocol endpoint (Streamable HTTP, stateless): each POST carries one JSON-RPC message and gets
/// its JSON answer (202 without a body for a notification). Any key may connect; which tools it sees and may call
/// follows its role, exactly as the HTTP endpoints the tools stand for. GET and DELETE (the SSE stream and session
/// end) answer 405: there are no sessions.
/// </summary>
public sealed class McpFunction(McpEndpoint endpoint)
{
    [Function("Mcp")]
    [RequiresRole(ApiRole.Reader)]
    public async Task<IActionResult> Post([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/mcp")] HttpRequest request)
    {
        var body = await JsonBody.ReadBytesAsync(request, request.HttpContext.RequestAborted);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        return await endpoint.AnswerAsync(request, body.Value!, RequestCaller.Get(request));
    }

    [Function("McpStream")]
    [RequiresRole(ApiRole.Reader)]
    public IActionResult Stream([HttpTrigger(AuthorizationLevel.Anonymous, "get", "delete", Route = "v1/mcp")] HttpRequest request)
    {
        request.HttpContext.Response.Headers.Allow = HttpMethods.Post;
        return new ProblemResult(
            StatusCodes.Status405MethodNotAllowed,
            "Method not allowed.",
            "This MCP endpoint is stateless: POST one JSON-RPC message per request; there is no event stream or session to open or end.");
    }
}
