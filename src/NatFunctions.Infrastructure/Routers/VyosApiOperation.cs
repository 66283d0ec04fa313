using System.Text.Json;
using System.Text.Json.Nodes;
using NatFunctions.Core.Routers;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// One <c>set</c>/<c>delete</c> line as an entry of VyOS's <c>/configure</c> list: <c>{"op": "set", "path": [...]}</c>.
/// The whole line goes into <c>path</c>, value included, because the API joins them anyway: it runs my_set/my_delete
/// with <c>path + [value]</c> (equuleus/sagitta/circinus:src/services/vyos-http-api-server _configure_op,
/// python/vyos/configsession.py set/delete). Core renders path words unquoted and a value as one single-quoted tail
/// without quotes inside (<c>VyosCommand.Text</c>), so the line splits without a shell parser.
/// </summary>
internal sealed record VyosApiOperation(string Command, bool IsDelete, IReadOnlyList<string> Path)
{
    public static VyosApiOperation FromCommand(string command)
    {
        var problem = RouterChangeRequest.FindProblem(command);
        if (problem is not null) throw new ArgumentException(problem, nameof(command));

        var isDelete = command.StartsWith("delete ", StringComparison.Ordinal);
        var rest = command[(isDelete ? "delete ".Length : "set ".Length)..];
        var quote = rest.IndexOf(" '", StringComparison.Ordinal);
        var words = (quote < 0 ? rest : rest[..quote]).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (quote >= 0)
        {
            var quoted = rest[(quote + 1)..];
            if (quoted.Length < 2 || quoted[^1] != '\'') throw new ArgumentException($"the value of '{command}' is not one quoted tail", nameof(command));
            words.Add(quoted[1..^1]);
        }

        return new VyosApiOperation(command, isDelete, words);
    }

    public JsonObject ToJson() => new()
    {
        ["op"] = IsDelete ? "delete" : "set",
        ["path"] = new JsonArray([.. Path.Select(word => (JsonNode?)JsonValue.Create(word))]),
    };

    /// <summary>
    /// Whether the configuration read back (<c>/retrieve</c> <c>showConfig</c>, JSON) has this line's effect: a set
    /// path is there (a leaf's value equal, or among a multi leaf's values), a deleted one is not. The JSON form is
    /// vyos.configtree to_json (sagitta:python/vyos/configtree.py): nodes and tag values are objects, a single leaf
    /// value a string, a multi leaf a list of strings, a valueless leaf an empty object.
    /// </summary>
    public bool IsSatisfiedBy(JsonElement configuration) => Exists(configuration) != IsDelete;

    /// <summary>Whether this line's path (or path and value) exists in the configuration.</summary>
    public bool Exists(JsonElement configuration)
    {
        var current = configuration;
        for (var i = 0; i < Path.Count; i++)
        {
            var word = Path[i];
            switch (current.ValueKind)
            {
                case JsonValueKind.Object when current.TryGetProperty(word, out var child):
                    current = child;
                    continue;
                case JsonValueKind.String:
                    return i == Path.Count - 1 && current.GetString() == word;
                case JsonValueKind.Array:
                    return i == Path.Count - 1 && current.EnumerateArray().Any(value => value.ValueKind == JsonValueKind.String && value.GetString() == word);
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="other"/>'s path starts with this line's path.</summary>
    public bool Covers(VyosApiOperation other) =>
        other.Path.Count >= Path.Count && Path.Select((word, index) => other.Path[index] == word).All(same => same);
}
