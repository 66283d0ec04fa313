using System.Text.Json;

namespace NatFunctions.LocalHost.Settings;

/// <summary>The parts of host.json the stand-in honours; everything else in it is host behaviour we leave out.</summary>
internal sealed record HostJsonSettings(string RoutePrefix, TimeSpan FunctionTimeout)
{
    private const string DefaultRoutePrefix = "api";

    // Core Tools runs without a function timeout unless host.json sets one; a day bounds a forgotten invocation.
    private static readonly TimeSpan DefaultFunctionTimeout = TimeSpan.FromDays(1);

    public static HostJsonSettings Read(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            return new HostJsonSettings(DefaultRoutePrefix, DefaultFunctionTimeout);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        var routePrefix = root.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            && prefix.ValueKind == JsonValueKind.String
                ? prefix.GetString()!
                : DefaultRoutePrefix;
        var timeout = root.TryGetProperty("functionTimeout", out var timeoutText)
            && timeoutText.ValueKind == JsonValueKind.String
            && TimeSpan.TryParse(timeoutText.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            && parsed > TimeSpan.Zero
                ? parsed
                : DefaultFunctionTimeout;
        return new HostJsonSettings(routePrefix.Trim('/'), timeout);
    }
}
