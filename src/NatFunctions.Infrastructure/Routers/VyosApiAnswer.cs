using System.Text.Json;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// One answer of VyOS's HTTP API: the status and the body <c>{"success": bool, "data": …, "error": str|null}</c>
/// (equuleus/sagitta/circinus:src/services/vyos-http-api-server success()/error(), sent as text/html with a JSON
/// body). VyOS's statuses: 200 success; 400 a refused operation or commit (the ConfigSessionError text, i.e. what
/// my_set/my_delete/my_commit printed) or a malformed request; 401 <c>Valid API key is required</c>; 422 a form
/// without <c>data</c> (or, on 1.3, without <c>key</c>); 500 <c>An internal error occured. Check the logs for
/// details.</c> after any other exception, the session discarded. Anything without <c>success</c> (FastAPI's
/// <c>{"detail": "Not Found"}</c> for an endpoint that is not there, a proxy's error page) is kept as text.
/// </summary>
internal sealed record VyosApiAnswer(int Status, bool Success, JsonElement Data, string? Error, string Body)
{
    public static VyosApiAnswer Parse(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("success", out var success)
                && success.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                var data = root.TryGetProperty("data", out var value) ? value.Clone() : default;
                var error = root.TryGetProperty("error", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
                return new VyosApiAnswer(status, success.GetBoolean(), data, error, body);
            }
        }
        catch (JsonException)
        {
            // Not VyOS's shape: a proxy or gateway answered; the status and text say what happened.
        }

        return new VyosApiAnswer(status, false, default, null, body);
    }

    /// <summary>VyOS's error text, or the first 300 characters of whatever else answered.</summary>
    public string Message => Error ?? (Body.Length > 300 ? Body[..300] + "…" : Body);

    public bool IsSuccess => Status == 200 && Success;

    /// <summary>The <c>data</c> of a text answer (<c>/show</c>, <c>/config-file save</c>); empty for null.</summary>
    public string DataText => Data.ValueKind == JsonValueKind.String ? Data.GetString() ?? string.Empty : string.Empty;
}
