using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>
/// What the router really ran during a burst, counted from the simulator's command log (every line each session read,
/// <c>SESSION-ID TAB LINE</c>): read and configure sessions alike. A session's strictly sequential steps are its
/// login prompt, each command other than <c>set</c>/<c>delete</c> (configure, compare, commit, confirm, save, exit,
/// reads: each needs the previous answer first), and one for all its <c>set</c>/<c>delete</c> lines together, which
/// a pipelining client can send without waiting (its last answer still has to come back before the commit).
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

        var steps = sessions.Values.Sum(counts => 1 + counts.Others + (counts.Sets > 0 ? 1 : 0));
        return new RouterWork(sessions.Count, sessions.Values.Sum(counts => counts.Sets), commits, steps);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Sessions} sessions, {SetOrDeleteCommands} set/delete, {Commits} commits, {SequentialSteps} sequential steps");
}
