using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NatFunctions.Http;

/// <summary>An RFC 9457 problem document. Carries only text written for callers, never exception messages.</summary>
public sealed class ProblemResult(
    int status,
    string title,
    string detail,
    IReadOnlyDictionary<string, string[]>? errors = null,
    IReadOnlyList<string>? conflicts = null) : IActionResult
{
    public const string ContentType = "application/problem+json";

    public int Status => status;

    public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext);

    public async Task WriteAsync(HttpContext httpContext)
    {
        var body = new Dictionary<string, object>
        {
            ["type"] = $"https://natfunctions.dev/problems/{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (errors is { Count: > 0 })
        {
            body["errors"] = errors;
        }

        if (conflicts is { Count: > 0 })
        {
            body["conflicts"] = conflicts;
        }

        if (CorrelationId.Find(httpContext) is { } correlationId)
        {
            body["correlation_id"] = correlationId;
        }

        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, body, ApiJson.Options, httpContext.RequestAborted);
    }
}
