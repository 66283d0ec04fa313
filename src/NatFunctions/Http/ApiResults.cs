using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NatFunctions.Core.Results;

namespace NatFunctions.Http;

/// <summary>Successful answers in the API's JSON dialect, and the mapping of use-case results onto them.</summary>
public static class ApiResults
{
    public static IActionResult Ok(object body) => Json(StatusCodes.Status200OK, body);

    public static IActionResult Created(object body) => Json(StatusCodes.Status201Created, body);

    public static IActionResult Json(int status, object body) =>
        new ContentResult
        {
            StatusCode = status,
            ContentType = "application/json; charset=utf-8",
            Content = JsonSerializer.Serialize(body, ApiJson.Options),
        };

    public static IActionResult From<T>(OperationResult<T> result, Func<T, IActionResult> onSuccess) =>
        result.Succeeded ? onSuccess(result.Value!) : Problems.From(result.Error!);
}
