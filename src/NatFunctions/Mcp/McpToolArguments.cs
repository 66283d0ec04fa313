using System.Text.Json;
using NatFunctions.Core.Auth;
using NatFunctions.Core.Idempotency;
using NatFunctions.Http;

namespace NatFunctions.Mcp;

/// <summary>
/// Splits a tool call's arguments into its addresses, its idempotency key and its body, refusing (400, naming the
/// argument) an address that is not text, a missing required address, a malformed key or an argument the tool does
/// not have. Nothing runs before this has passed.
/// </summary>
public sealed record McpToolArguments(McpToolCall Call, string? IdempotencyKeyValue, byte[] Fingerprinted)
{
    public static JsonBodyResult<McpToolArguments> Read(McpTool tool, Caller caller, IDictionary<string, JsonElement>? arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var given = arguments ?? new Dictionary<string, JsonElement>();
        var addresses = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var address in tool.Addresses)
        {
            if (!given.TryGetValue(address.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (address.Required)
                {
                    return Refuse(address.Name, "is required");
                }

                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                addresses[address.Name] = value.GetString();
            }
            else if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
            {
                addresses[address.Name] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                return Refuse(address.Name, "must be text");
            }
        }

        string? key = null;
        if (tool.Writes && given.TryGetValue(McpToolSchema.IdempotencyKeyArgument, out var keyValue))
        {
            key = keyValue.ValueKind == JsonValueKind.String ? keyValue.GetString() : null;
            if (!IdempotencyKey.IsValid(key))
            {
                return IdempotencyGuard.InvalidKey(McpToolSchema.IdempotencyKeyArgument, "argument");
            }
        }

        var rest = given.Where(pair => !tool.Addresses.Any(address => address.Name == pair.Key)
            && !(tool.Writes && pair.Key == McpToolSchema.IdempotencyKeyArgument)).ToList();
        if (tool.Body is null && rest.Count > 0)
        {
            return Refuse(rest[0].Key, "is not a known property");
        }

        var fingerprinted = given.Where(pair => pair.Key != McpToolSchema.IdempotencyKeyArgument);
        return new McpToolArguments(new McpToolCall(caller, addresses, ObjectOf(rest)), key, ObjectOf(fingerprinted));
    }

    private static ProblemResult Refuse(string argument, string message) =>
        Problems.BadRequest("The request is not valid.", new Dictionary<string, string[]> { [argument] = [message] });

    // The arguments exactly as given, as one JSON object: parsed by the request type like an HTTP body, or hashed.
    private static byte[] ObjectOf(IEnumerable<KeyValuePair<string, JsonElement>> properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
