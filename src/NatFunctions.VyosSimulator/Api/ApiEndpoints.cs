using System.Text.Json;
using System.Text.Json.Nodes;
using NatFunctions.VyosSimulator.Config;
using NatFunctions.VyosSimulator.State;

namespace NatFunctions.VyosSimulator.Api;

/// <summary>
/// VyOS's HTTP API on the simulated router: the endpoints the product uses (<c>/configure</c>, <c>/retrieve</c>,
/// <c>/show</c>, <c>/config-file</c>), each request run through a script-mode <see cref="CliSession"/> on the shared
/// state directory, so the shell's commit lock, faults and schema apply, as VyOS's API runs my_set/my_commit in a
/// config session of its own (sagitta:python/vyos/configsession.py). Texts and statuses follow
/// sagitta:src/services/vyos-http-api-server (1.4), equuleus's where they differ (1.3) and current's for 1.5
/// (the mirrored circinus, 2024-10-15, predates the REST split and the T6326 fix; see README).
/// </summary>
internal sealed class ApiEndpoints(ShellOptions router, TimeProvider time)
{
    private const string ScriptTemplate = "source /opt/vyatta/etc/functions/script-template";

    // sagitta:src/services/vyos-http-api-server: "Giant lock!", held around every /configure.
    private readonly Lock configureLock = new();
    private int requestNumber;

    private VyosRelease Version => router.Version;

    public ApiReply Handle(string endpoint, IReadOnlyDictionary<string, string> form)
    {
        var state = new StateDirectory(router.StateDirectory);
        var active = ConfigCommandsReader.Read(state.Read(CancellationToken.None).ActiveConfig);

        // current:src/services/vyos-http-api-server: the REST routes exist only with `service https api rest`.
        if (Version.IsCircinus && !active.Exists(["service", "https", "api", "rest"])) return ApiReply.NotFound();

        if (!form.TryGetValue("data", out var dataText) || dataText.Length == 0)
        {
            return ApiReply.Error(422, "Non-empty data field is required");
        }

        Log(endpoint, dataText);
        JsonNode? data;
        try
        {
            data = JsonNode.Parse(dataText);
        }
        catch (JsonException exception)
        {
            return ApiReply.Error(400, $"Failed to parse JSON: {exception.Message}");
        }

        var commands = data is JsonArray list ? list.ToList() : [data];
        foreach (var command in commands)
        {
            if (command is not JsonObject entry) return ApiReply.Error(400, $"Malformed command '{command?.ToJsonString()}': any command must be JSON of dict");
            if (!entry.ContainsKey("op")) return ApiReply.Error(400, $"Malformed command '{entry.ToJsonString()}': missing 'op' field");
            if (endpoint != "/config-file" && entry["path"] is not JsonArray) return ApiReply.Error(400, $"Malformed command '{entry.ToJsonString()}': missing 'path' field");
        }

        // auth_required: the key must be one of `service https api keys id X key KEY` (sagitta flatten_keys); 1.3
        // answers a form without a key with 422 (equuleus:src/services/vyos-http-api-server custom_route_handler).
        if (!form.TryGetValue("key", out var key) || key.Length == 0)
        {
            return ApiReply.Error(Version.IsEquuleus ? 422 : 401, "Valid API key is required");
        }

        if (!Keys(active).Contains(key)) return ApiReply.Error(401, "Valid API key is required");

        return endpoint switch
        {
            "/configure" => Configure(commands.Cast<JsonObject>().ToList()),
            "/retrieve" => Retrieve(state, (JsonObject)commands[0]!),
            "/show" => Show((JsonObject)commands[0]!),
            "/config-file" => ConfigFile((JsonObject)commands[0]!),
            _ => ApiReply.NotFound(),
        };
    }

    private static HashSet<string> Keys(ConfigStore active)
    {
        var ids = active.Find(["service", "https", "api", "keys", "id"]);
        return ids is null
            ? []
            : ids.Children.Select(id => id.Child("key")?.FirstValue).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// _configure_op: every entry through my_set/my_delete (the first refusal discards the session and answers 400
    /// with its text), then one commit. 1.3/1.4 answer <c>data: null</c>; 1.5 (current) the commit's output when there
    /// is any. A failed commit answers 400 with its output, except under <c>swallowCommitFailure</c> on 1.3/1.4 (T6326).
    /// </summary>
    private ApiReply Configure(IReadOnlyList<JsonObject> entries)
    {
        lock (configureLock)
        {
            var output = new StringWriter();
            var session = OpenSession(output);
            try
            {
                foreach (var entry in entries)
                {
                    var op = entry["op"]?.ToString() ?? string.Empty;
                    if (op is not ("set" or "delete"))
                    {
                        return ApiReply.Error(400, Version.IsEquuleus ? $"\"{op}\" is not a valid operation" : $"'{op}' is not a valid operation");
                    }

                    var words = Words(entry);
                    if (entry["value"]?.ToString() is { Length: > 0 } value) words.Add(value);
                    output.GetStringBuilder().Clear();
                    session.Execute(op + " " + string.Join(' ', words.Select(Quote)), CancellationToken.None);
                    if (session.LastCommandFailed) return ApiReply.Error(400, output.ToString());
                }

                output.GetStringBuilder().Clear();
                // Not the request's token: VyOS goes on committing after the caller hung up.
                session.Execute("commit", CancellationToken.None);
                var text = output.ToString();
                return session.LastCommitOutcome switch
                {
                    CommitOutcome.Failed when session.Faults.SwallowCommitFailure == true && !Version.IsCircinus => ApiReply.Success(null),
                    CommitOutcome.Failed or CommitOutcome.Locked => ApiReply.Error(400, text),
                    _ => ApiReply.Success(Version.IsCircinus && text.Trim().Length > 0 ? JsonValue.Create(text) : null),
                };
            }
            catch (SessionDroppedException)
            {
                return ApiReply.Error(500, ApiReply.InternalError);
            }
            finally
            {
                session.Close();
            }
        }
    }

    /// <summary>retrieve_op on the active configuration: showConfig (json, raw), returnValue(s), exists.</summary>
    private ApiReply Retrieve(StateDirectory state, JsonObject entry)
    {
        var op = entry["op"]?.ToString();
        var path = Words(entry);
        var active = ConfigCommandsReader.Read(state.Read(CancellationToken.None).ActiveConfig);
        var node = path.Count == 0 ? active.Root : active.Find(path);
        switch (op)
        {
            case "exists":
                return ApiReply.Success(node is not null);
            case "returnValue":
                return ApiReply.Success(node?.FirstValue is { } single ? JsonValue.Create(single) : null);
            case "returnValues":
                return ApiReply.Success(new JsonArray([.. (node?.Values ?? []).Select(value => (JsonNode?)JsonValue.Create(value))]));
            case "showConfig":
                var format = entry["configFormat"]?.ToString() ?? "json";
                if (format == "raw") return ApiReply.Success(node is null ? string.Empty : ConfigCommandsPrinter.Print(active));
                if (format != "json") return ApiReply.Error(400, $"'{format}' is not a valid config format");
                return ApiReply.Success(node is null ? new JsonObject() : ConfigJson.Children(node));
            default:
                return ApiReply.Error(400, Version.IsEquuleus ? $"\"{op}\" is not a valid operation" : $"'{op}' is not a valid operation");
        }
    }

    /// <summary>show_op: the op-mode <c>show PATH</c> output as data; a command the router does not know is a 400.</summary>
    private ApiReply Show(JsonObject entry)
    {
        if (entry["op"]?.ToString() != "show") return ApiReply.Error(400, $"'{entry["op"]}' is not a valid operation");
        var output = new StringWriter();
        var session = OpenSession(output);
        try
        {
            session.Execute("run show " + string.Join(' ', Words(entry).Select(Quote)), CancellationToken.None);
        }
        finally
        {
            session.Close();
        }

        var text = output.ToString();
        return text.StartsWith("Invalid command", StringComparison.Ordinal) ? ApiReply.Error(400, text) : ApiReply.Success(text);
    }

    /// <summary>config_file_op <c>save</c>: the save's output as data (1.4: empty), or 400 with it when it failed.</summary>
    private ApiReply ConfigFile(JsonObject entry)
    {
        if (entry["op"]?.ToString() != "save") return ApiReply.Error(400, $"'{entry["op"]}' is not a valid operation");
        var output = new StringWriter();
        var session = OpenSession(output);
        try
        {
            session.Execute("save", CancellationToken.None);
            return session.LastCommandFailed ? ApiReply.Error(400, output.ToString()) : ApiReply.Success(output.ToString());
        }
        finally
        {
            session.Close();
        }
    }

    private CliSession OpenSession(StringWriter output)
    {
        var session = new CliSession(router with { Command = "vbash -s" }, new StateDirectory(router.StateDirectory), output, output, new TerminalInput(new StringReader(string.Empty)), time);
        session.Execute(ScriptTemplate, CancellationToken.None);
        return session;
    }

    private static List<string> Words(JsonObject entry) =>
        entry["path"] is JsonArray path ? path.Select(word => word?.ToString() ?? string.Empty).ToList() : [];

    /// <summary>my_set gets each word as its own argument; the session parses a line, so every word is quoted.</summary>
    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// <c>--command-log</c>: one line per request (<c>api-N TAB POST /endpoint DATA</c>, the key left out), so a test
    /// can count what reached the router.
    /// </summary>
    private void Log(string endpoint, string data)
    {
        if (router.CommandLogPath is not { } path) return;
        var number = Interlocked.Increment(ref requestNumber);
        File.AppendAllText(path, $"api-{number}\tPOST {endpoint} {data.ReplaceLineEndings(" ")}\n");
    }
}
