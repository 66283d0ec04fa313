using System.Text.Json;
using NatFunctions.LocalHost.Routing;
using NatFunctions.LocalHost.Settings;

namespace NatFunctions.LocalHost.Functions;

/// <summary>
/// Turns the worker's own function metadata (worker indexing: RawBindings JSON per function) into definitions this
/// host can route and schedule, and into the load request metadata the Azure host would send back.
/// </summary>
internal static class FunctionMetadataReader
{
    public static FunctionDefinition Read(RpcFunctionMetadata reported, string appDirectory, HostJsonSettings hostJson)
    {
        var metadata = reported.Clone();
        metadata.FunctionId = string.IsNullOrEmpty(metadata.FunctionId) ? Guid.NewGuid().ToString() : metadata.FunctionId;
        metadata.Directory = appDirectory;
        // The worker resolves ScriptFile with Path.GetFullPath, i.e. against its working directory.
        metadata.ScriptFile = Path.Combine(appDirectory, metadata.ScriptFile);
        metadata.Bindings.Clear();

        string? triggerType = null;
        HttpTrigger? http = null;
        TimerTrigger? timer = null;
        foreach (var rawBinding in metadata.RawBindings)
        {
            using var document = JsonDocument.Parse(rawBinding);
            var binding = document.RootElement;
            var name = binding.GetProperty("name").GetString()!;
            var type = binding.GetProperty("type").GetString()!;
            metadata.Bindings[name] = ToBindingInfo(binding, type);
            if (!type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            triggerType = type;
            if (type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase))
            {
                http = ReadHttpTrigger(binding, name, metadata.Name, hostJson);
            }
            else if (type.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase))
            {
                timer = new TimerTrigger(name, StringProperty(binding, "schedule") ?? string.Empty, BooleanProperty(binding, "runOnStartup"));
            }
        }

        return new FunctionDefinition(metadata.FunctionId, metadata.Name, metadata, triggerType ?? "none", http, timer);
    }

    private static HttpTrigger ReadHttpTrigger(JsonElement binding, string bindingName, string functionName, HostJsonSettings hostJson)
    {
        // The Functions default: without a route the function answers at its own name.
        var route = StringProperty(binding, "route") ?? functionName;
        var template = RouteTemplate.Parse(string.Join('/', new[] { hostJson.RoutePrefix, route.Trim('/') }.Where(part => part.Length > 0)));
        var methods = binding.TryGetProperty("methods", out var methodList) && methodList.ValueKind == JsonValueKind.Array
            ? methodList.EnumerateArray().Select(method => method.GetString()!.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal)
            : [];
        return new HttpTrigger(bindingName, template, methods, StringProperty(binding, "authLevel") ?? "Function");
    }

    private static BindingInfo ToBindingInfo(JsonElement binding, string type)
    {
        var info = new BindingInfo
        {
            Type = type,
            Direction = (StringProperty(binding, "direction") ?? "in").ToLowerInvariant() switch
            {
                "out" => BindingInfo.Types.Direction.Out,
                "inout" => BindingInfo.Types.Direction.Inout,
                _ => BindingInfo.Types.Direction.In,
            },
            DataType = (StringProperty(binding, "dataType") ?? string.Empty).ToLowerInvariant() switch
            {
                "string" => BindingInfo.Types.DataType.String,
                "binary" => BindingInfo.Types.DataType.Binary,
                "stream" => BindingInfo.Types.DataType.Stream,
                _ => BindingInfo.Types.DataType.Undefined,
            },
        };
        if (binding.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                info.Properties[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return info;
    }

    private static string? StringProperty(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool BooleanProperty(JsonElement element, string name)
        => element.TryGetProperty(name, out var value)
            && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var parsed) && parsed));
}
