using System.Globalization;
using System.Text.Json;

namespace NatFunctions.LoadTests;

/// <summary>
/// What the router really ran during a burst, counted from the simulator's command log (every line each session read,
/// <c>SESSION-ID TAB LINE</c>): read and configure sessions alike. A session's strictly sequential steps are its
/// login prompt, each command other than <c>set</c>/<c>delete</c> (configure, compare, commit, confirm, save, exit,
/// reads: each needs the previous answer first), and one for all its <c>set</c>/<c>delete</c> lines together, which
/// a pipelining client can send without waiting (its last answer still has to come back before the commit).
/// Over the HTTP API the simulator logs one line per request (<c>api-N TAB POST /endpoint DATA</c>): each request is
/// a session of its own (VyOS's API opens a config session per request) and one sequential step (one round trip on
/// a kept-alive connection); a <c>/configure</c> pays each <c>set</c>/<c>delete</c> entry of its list and one commit.
/// </summary>
internal sealed record RouterWork(int Sessions, int SetOrDeleteCommands, int Commits, int SequentialSteps)
{
    public static RouterWork FromLogLines(IEnumerable<string> lines)
    {
        var sessions = new Dictionary<string, (int Sets, int Others)>(StringComparer.Ordinal);
        var commits = 0;
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0) continue;
            var session = line[..tab];
            var command = line[(tab + 1)..];
            var verb = command.Split(' ', 2)[0];
            if (verb == "POST")
            {
                var (sets, commit) = ApiRequest(command);
                commits += commit ? 1 : 0;
                // Others stays 0: the request is the session's one step (its "login").
                sessions[session] = (sets, 0);
                continue;
            }

            var counts = sessions.GetValueOrDefault(session);
            if (verb is "set" or "delete" && !command.StartsWith("set terminal ", StringComparison.Ordinal))
            {
                counts.Sets++;
            }
            else
            {
                counts.Others++;
                // Both pay the commit (the simulator's commit delay; commit-confirm arms a timer, then commits).
                if (verb is "commit" or "commit-confirm") commits++;
            }

            sessions[session] = counts;
        }

        var steps = sessions.Sum(pair => pair.Key.StartsWith(ApiSessionPrefix, StringComparison.Ordinal)
            ? 1
            : 1 + pair.Value.Others + (pair.Value.Sets > 0 ? 1 : 0));
        return new RouterWork(sessions.Count, sessions.Values.Sum(counts => counts.Sets), commits, steps);
    }

    private const string ApiSessionPrefix = "api-";

    /// <summary>
    /// <c>POST /configure DATA</c>: DATA is the request's <c>data</c> field, one command or a list of them; each
    /// <c>set</c>/<c>delete</c> runs my_set/my_delete, then one commit (sagitta:src/services/vyos-http-api-server
    /// configure_op). The log line is written before the request is checked, so a refused request counts as if it ran.
    /// </summary>
    private static (int Sets, bool Commit) ApiRequest(string command)
    {
        var parts = command.Split(' ', 3);
        if (parts.Length < 3 || parts[1] != "/configure") return (0, false);
        using var data = JsonDocument.Parse(parts[2]);
        var entries = data.RootElement.ValueKind == JsonValueKind.Array ? data.RootElement.EnumerateArray().ToList() : [data.RootElement];
        var sets = entries.Count(entry => entry.ValueKind == JsonValueKind.Object
            && entry.TryGetProperty("op", out var op) && op.GetString() is "set" or "delete");
        return (sets, true);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Sessions} sessions, {SetOrDeleteCommands} set/delete, {Commits} commits, {SequentialSteps} sequential steps");
}
