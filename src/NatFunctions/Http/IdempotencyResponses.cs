using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NatFunctions.Core.Idempotency;

namespace NatFunctions.Http;

/// <summary>Turns a function's answer into the status and body to store, and a stored one back into an answer.</summary>
public static class IdempotencyResponses
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The answers write functions give (JSON content, problems); anything else is not stored.</summary>
    public static async Task<StoredResponse?> CaptureAsync(IActionResult result, HttpContext httpContext, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case ContentResult content:
                return new StoredResponse(content.StatusCode ?? StatusCodes.Status200OK, content.Content ?? string.Empty);
            case ProblemResult problem:
                // Rendered into a scratch context that carries the request's items, so the stored body is the very
                // document this request answers with (correlation id included).
                var scratch = new DefaultHttpContext { RequestAborted = cancellationToken };
                foreach (var item in httpContext.Items)
                {
                    scratch.Items[item.Key] = item.Value;
                }

                using (var body = new MemoryStream())
                {
                    scratch.Response.Body = body;
                    await problem.WriteAsync(scratch);
                    return new StoredResponse(problem.Status, System.Text.Encoding.UTF8.GetString(body.ToArray()));
                }

            default:
                return null;
        }
    }

    public static IActionResult Replay(HttpContext httpContext, StoredResponse stored)
    {
        httpContext.Response.Headers[ReplayedHeader] = "true";
        return new ContentResult
        {
            StatusCode = stored.StatusCode,
            ContentType = stored.StatusCode >= 400 ? ProblemResult.ContentType : ApiResults.JsonContentType,
            Content = stored.Body,
        };
    }
}
