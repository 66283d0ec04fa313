using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NatFunctions.Http;

/// <summary>
/// Reads a request body into a typed request, with every failure a 400 that names the field: malformed JSON,
/// wrong types, unknown or duplicate properties. Bodies over <see cref="MaxBytes"/> are refused unread (413).
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The error-map key of problems with the body as a whole (empty, not JSON, not an object).</summary>
    public const string WholeBody = "body";

    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var raw = await ReadBytesAsync(request, cancellationToken);
        return raw.Problem ?? Parse<T>(raw.Value!);
    }

    /// <summary>The body's bytes, unparsed; over <see cref="MaxBytes"/> → 413 unread.</summary>
    public static async Task<JsonBodyResult<byte[]>> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return Problems.PayloadTooLarge(MaxBytes);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return Problems.PayloadTooLarge(MaxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Parses a JSON document into a typed request in the API's dialect (<see cref="ApiJson"/>); every failure is a
    /// 400 naming the field. The HTTP bodies and the MCP tools' arguments both come through here.
    /// </summary>
    public static JsonBodyResult<T> Parse<T>(ReadOnlySpan<byte> json)
        where T : class
    {
        if (json.IsEmpty)
        {
            return Problems.BadRequest("A JSON request body is required.", BodyError("is required: a JSON object"));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(json, ApiJson.Options);
            return value is null ? Problems.BadRequest("The request body must be a JSON object.", BodyError("must be a JSON object")) : value;
        }
        catch (JsonException exception)
        {
            var field = FieldName(exception.Path);
            return Problems.BadRequest(
                "The request body is not valid JSON for this operation.",
                new Dictionary<string, string[]> { [field] = [Describe(exception)] });
        }
    }

    private static Dictionary<string, string[]> BodyError(string message) => new() { [WholeBody] = [message] };

    // System.Text.Json paths look like "$.forwards[0].internal_port"; callers know fields without the "$.".
    private static string FieldName(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? WholeBody : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    // The exception text can quote the input; only fixed phrases go back to the caller.
    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "is not a known property";
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return "appears more than once";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "has the wrong type or an unknown value";
        }

        return "is not well-formed JSON";
    }
}
