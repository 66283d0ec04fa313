using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NatFunctions.Core.Conditional;
using NatFunctions.Core.Results;

namespace NatFunctions.Http;

/// <summary>Successful answers in the API's JSON dialect, and the mapping of use-case results onto them.</summary>
public static class ApiResults
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static IActionResult Ok(object body) => Json(StatusCodes.Status200OK, body);

    public static IActionResult Created(object body) => Json(StatusCodes.Status201Created, body);

    public static IActionResult Json(int status, object body) => Content(status, JsonSerializer.Serialize(body, ApiJson.Options));

    /// <summary>
    /// A conditional GET (RFC 9110 §13.1.2): the body's strong <c>ETag</c> goes on the response either way; 304 Not
    /// Modified without a body when the request's <c>If-None-Match</c> already names it, else 200 with the body.
    /// Every GET that sends an ETag answers through this, so the tag is always of the exact bytes a 200 would carry.
    /// </summary>
    public static IActionResult Conditional(HttpRequest request, object body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = JsonSerializer.Serialize(body, ApiJson.Options);
        var tag = EntityTag.Compute(json);
        request.HttpContext.Response.Headers.ETag = tag;
        return EntityTag.IfNoneMatchMatches(tag, request.Headers.IfNoneMatch)
            ? new StatusCodeResult(StatusCodes.Status304NotModified)
            : Content(StatusCodes.Status200OK, json);
    }

    public static IActionResult From<T>(OperationResult<T> result, Func<T, IActionResult> onSuccess) =>
        result.Succeeded ? onSuccess(result.Value!) : Problems.From(result.Error!);

    private static ContentResult Content(int status, string json) =>
        new() { StatusCode = status, ContentType = JsonContentType, Content = json };
}
