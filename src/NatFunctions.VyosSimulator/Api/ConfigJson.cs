using System.Text.Json.Nodes;
using NatFunctions.VyosSimulator.Config;

namespace NatFunctions.VyosSimulator.Api;

/// <summary>
/// A config subtree as <c>/retrieve</c> <c>showConfig</c> answers it by default (sagitta:src/services/vyos-http-api-server
/// retrieve_op: ConfigTree(...).to_json()): a node or tag value is an object of its children, a leaf with one value a
/// string, with several a list, a valueless leaf an empty object.
/// </summary>
internal static class ConfigJson
{
    public static JsonObject Children(ConfigNode node)
    {
        var json = new JsonObject();
        foreach (var child in node.Children) json[child.Name] = Of(child);
        return json;
    }

    private static JsonNode Of(ConfigNode node)
    {
        if (node.HasChildren || node.Values.Count == 0) return Children(node);
        return node.Values.Count == 1
            ? JsonValue.Create(node.Values[0])
            : new JsonArray([.. node.Values.Select(value => (JsonNode?)JsonValue.Create(value))]);
    }
}
