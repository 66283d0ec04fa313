using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NatFunctions.VyosSimulator.Api;

/// <summary>
/// One answer of VyOS's HTTP API: <c>{"success": …, "data": …, "error": …}</c> as text/html
/// (sagitta:src/services/vyos-http-api-server success()/error() wrap json.dumps in an HTMLResponse).
/// </summary>
internal sealed record ApiReply(int Status, string Body)
{
    public const string InternalError = "An internal error occured. Check the logs for details.";

    // json.dumps escapes only quotes, backslashes and control characters (and non-ASCII, which our texts do not hold).
    private static readonly JsonSerializerOptions AsPython = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ApiReply Success(JsonNode? data) =>
        new(200, new JsonObject { ["success"] = true, ["data"] = data, ["error"] = null }.ToJsonString(AsPython));

    public static ApiReply Error(int status, string message) =>
        new(status, new JsonObject { ["success"] = false, ["error"] = message, ["data"] = null }.ToJsonString(AsPython));

    /// <summary>FastAPI's own answer for a route that does not exist (1.5 without <c>service https api rest</c>).</summary>
    public static ApiReply NotFound() => new(404, "{\"detail\":\"Not Found\"}");
}
