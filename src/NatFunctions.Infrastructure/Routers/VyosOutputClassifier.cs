using System.Text.RegularExpressions;
using NatFunctions.Core.Applying;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Reads VyOS's printed text, because its exit codes lie (0 after a failed set or commit). The patterns are the
/// exact texts of vyatta-cfg and vyos-1x, e.g. sagitta vyatta-cfg src/cli_bin.cpp ("Set failed"/"Delete failed" as
/// "%s failed"), src/cstore/cstore.cpp ("Value validation failed", "Configuration path: [...] is not valid" /
/// "requires a value"), etc/bash_completion.d/vyatta-cfg ("Invalid command: [...]"), src/commit/commit-algorithm.cpp
/// ("Commit failed"); texts from a single helper name it where they are matched.
/// </summary>
internal static partial class VyosOutputClassifier
{
    /// <summary>True when a <c>set</c>/<c>delete</c> (or any config-mode command) printed an error.</summary>
    public static bool IsCommandError(string output) => CommandError().IsMatch(output);

    /// <summary>A <c>set</c> whose path is not in the router's schema: a router-level refusal (<see cref="RouterLevelRefusal"/>).</summary>
    public static bool IsUnknownPath(string output) => RouterLevelRefusal.IsUnknownPath(output);

    /// <summary>
    /// A refused <c>save</c>: an <c>Error:</c> line (1.3's vyatta-save-config.pl), or on 1.4/1.5 a Python traceback,
    /// because sagitta/circinus:src/helpers/vyos-save-config.py lets an <c>OSError</c> (a full disk, say) escape.
    /// </summary>
    public static bool IsSaveFailure(string output) => IsCommandError(output) || IsPythonTraceback(output);

    /// <summary>An uncaught Python exception: VyOS's 1.4+ helpers print nothing else when they fail this way.</summary>
    public static bool IsPythonTraceback(string output) => output.Contains("Traceback (most recent call last):", StringComparison.Ordinal);

    public static bool IsLockBusy(string output) => output.Contains("Configuration system temporarily locked", StringComparison.Ordinal);

    public static bool IsCommitFailure(string output) => CommitFailure().IsMatch(output);

    /// <summary>
    /// 1.3 <c>commit-confirm</c> on a router without <c>system config-management commit-revisions</c>: a router-wide
    /// settings problem that refuses every commit-confirm, whatever it carries, so no change is to blame.
    /// </summary>
    public static bool IsCommitRevisionsMissing(string output) => output.Contains("commit-revisions is not configured", StringComparison.Ordinal);

    /// <summary>
    /// <c>commit-confirm</c> while an earlier one still waits for <c>confirm</c>: on 1.4/1.5 nothing was armed or
    /// committed; on 1.3 nothing was armed but the commit ran (equuleus vyatta-config-mgmt.pl exits 0 after printing it).
    /// </summary>
    public static bool IsConfirmPending(string output) => output.Contains("Another confirm is pending", StringComparison.Ordinal);

    public static bool IsNothingToCommit(string output) => output.Contains("No configuration changes to commit", StringComparison.Ordinal);

    /// <summary><c>compare</c> with no pending change (1.3 prints it without the final period).</summary>
    public static bool IsNoChangeCompare(string output) =>
        output.Contains("No changes between working and active configurations", StringComparison.Ordinal);

    public static bool IsConfirmFailure(string output) =>
        output.Contains("No confirm pending", StringComparison.Ordinal) || CommandError().IsMatch(output);

    // "Set failed"/"Delete failed" end every refused set/delete; the others cover commands that never reach the backend.
    [GeneratedRegex(@"^\s*(?:Set failed|Delete failed|Invalid command:|Ambiguous command:|Cannot use the .* character|Value validation failed|Configuration path: .* is not valid|Configuration path: .* requires a value|Tag node value name must not contain whitespace|Error:)", RegexOptions.Multiline)]
    private static partial Regex CommandError();

    // Commit-time refusals. "Another confirm is pending" is not one by itself: 1.3 commits after printing it.
    [GeneratedRegex(@"^\s*(?:Commit failed|Failed to generate committed config|Use commit-confirm command|commit-confirm canceled|Error: unable to schedule reboot|Invalid command:)", RegexOptions.Multiline)]
    private static partial Regex CommitFailure();
}
