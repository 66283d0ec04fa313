namespace NatFunctions.VyosSimulator.Commit;

/// <summary>
/// How a conf script's output and failure reach the terminal, per release.
/// <list type="bullet">
/// <item>Through vyos-configd on equuleus/sagitta (src/services/vyos-configd <c>run_script</c>): the script's prints go
/// straight to the session's terminal, a <c>ConfigError</c> as <c>"\n{msg}\n\n"</c> (<c>explicit_print</c>); no header.</item>
/// <item>Through vyatta-cfg's pipe (<c>src/cli_new.c system_out</c>): scripts not run by configd (equuleus
/// dhcp_server.py) and, on 1.5 (vyos-1x current 8e902ffa7, T6326), everything: configd returns the printed text plus
/// the error to vyshim, which prints it into the pipe. The first chunk is prefixed <c>[ PATH ]\n</c> and a
/// <c>\n</c> is added after any output.</item>
/// <item>Then vyatta-cfg commit-algorithm.cpp prints <c>[[PATH]] failed</c> per failed subtree and, once, <c>Commit failed</c>.</item>
/// </list>
/// </summary>
internal static class CommitOutput
{
    public const string LockedMessage = "Configuration system temporarily locked due to another commit in progress";
    public const string NoChangesMessage = "No configuration changes to commit";

    public static string ScriptOutput(VyosRelease release, ConfScript script, ConfScriptRun run)
    {
        if (script.RunsInConfigd(release) && !release.IsCircinus)
        {
            return run.Error is null ? run.Printed : run.Printed + $"\n{run.Error}\n\n";
        }

        // A script run directly prints its error with print(e) (a trailing newline); 1.5's vyshim prints configd's
        // text as it is (str(e) has none).
        var viaVyshim = release.IsCircinus && script.RunsInConfigd(release);
        var text = run.Printed + (run.Error is null ? string.Empty : run.Error + (viaVyshim ? string.Empty : "\n"));
        return text.Length == 0 ? string.Empty : $"[ {script.DisplayPath} ]\n{text}\n";
    }

    public static string Failed(ConfScript script) => $"[[{script.DisplayPath}]] failed\n";

    /// <summary>
    /// vyatta-cfg src/commit/commit-algorithm.cpp prints <c>Commit failed</c>; on 1.5 vyshim prints configd's text
    /// (current: 8e902ffa7, T6326), and a 1.5 capture (vyos/vyos-1x PR #4552) shows a blank line after it.
    /// </summary>
    public static string CommitFailed(VyosRelease release) => release.IsCircinus ? "Commit failed\n\n" : "Commit failed\n";

    /// <summary>The injected <c>failCommit</c> fault, framed like a failure of the first changed subtree.</summary>
    public static string InjectedFailure(VyosRelease release, string displayPath, string message)
    {
        var run = new ConfScriptRun();
        run.Fail(message);
        var script = new ConfScript(displayPath.Split(' '), 0, _ => true, (_, _, _) => { });
        return ScriptOutput(release, script, run) + Failed(script) + CommitFailed(release);
    }
}
