using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using NatFunctions.Core.Idempotency;
using NatFunctions.Http;

namespace NatFunctions.Mcp;

/// <summary>
/// A tool's input schema: the JSON schema of its HTTP request type in the API's dialect (<see cref="ApiJson"/>:
/// snake_case, no unknown properties), plus its addresses and, on writes, <see cref="IdempotencyKeyArgument"/>.
/// Generated, never written by hand, so a tool cannot drift from its endpoint's body.
/// </summary>
public static class McpToolSchema
{
    public const string IdempotencyKeyArgument = "idempotency_key";

    private static readonly JsonSchemaExporterOptions ExporterOptions = new()
    {
        // ClearableText has its own converter, which the exporter cannot see through: it is text or null.
        TransformSchemaNode = (context, node) =>
            context.TypeInfo.Type == typeof(ClearableText) ? new JsonObject { ["type"] = new JsonArray("string", "null") } : node,
    };

    public static JsonElement For(McpTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var schema = tool.Body is null
            ? new JsonObject { ["type"] = "object" }
            : (JsonObject)ApiJson.Options.GetJsonSchemaAsNode(tool.Body, ExporterOptions);
        schema["type"] = "object";
        if (schema["properties"] is not JsonObject properties)
        {
            properties = [];
            schema["properties"] = properties;
        }

        // The exporter lists every constructor parameter as required, but the API reads a missing field as null and the
        // use case says which ones it needs (400 naming the field); only the addresses a tool cannot work without are required.
        var required = new JsonArray();
        foreach (var address in tool.Addresses)
        {
            properties[address.Name] = new JsonObject { ["type"] = "string", ["description"] = address.Description };
            if (address.Required)
            {
                required.Add(address.Name);
            }
        }

        if (tool.Writes)
        {
            properties[IdempotencyKeyArgument] = new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = "^[A-Za-z0-9._:-]{1,128}$",
                ["description"] = "Makes a retry safe, like the HTTP Idempotency-Key header: the same key with the same arguments " +
                    "answers the first call's result again without running it; " + IdempotencyKey.Rule + ".",
            };
        }

        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        schema["additionalProperties"] = false;
        return JsonSerializer.SerializeToElement(schema);
    }
}
