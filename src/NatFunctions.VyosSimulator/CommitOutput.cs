using NatFunctions.Core.Vyos;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// How a failed conf-script reaches the terminal, per version (docs/vyos-reference.md A5e). The message is always
/// <c>textwrap.fill(width=72)</c>-ed first.
/// 1.3 (no configd): <c>[ nat ]</c>, message, blank, <c>[[nat]] failed</c>, <c>Commit failed</c>.
/// 1.4 (configd writes to the session's stdout): blank, message, blank, <c>[[nat]] failed</c>, <c>Commit failed</c>.
/// 1.5 (vyshim prints configd's answer): like 1.3 plus a trailing blank line.
/// </summary>
internal static class CommitOutput
{
    public const string LockedMessage = "Configuration system temporarily locked due to another commit in progress";
    public const string NoChangesMessage = "No configuration changes to commit";

    /// <summary>
    /// Non-fatal warnings of a commit that succeeded. 1.4+: <c>vyos.base.Warning</c> prints a blank line,
    /// <c>WARNING: </c> plus the message wrapped at 72, and a blank line; 1.5 puts the <c>[ nat ]</c> header first as it
    /// does for errors. 1.3: the script's plain <c>print</c> lines (already starting with <c>WARNING:</c>) under
    /// <c>[ nat ]</c>.
    /// </summary>
    public static string Warnings(VyosVersion version, string node, IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0) return string.Empty;
        if (version == VyosVersion.V1_3) return $"[ {node} ]\n" + string.Concat(warnings.Select(warning => warning + "\n")) + "\n";

        var blocks = string.Concat(warnings.Select(warning => $"\nWARNING: {PythonTextWrap.Fill(warning)}\n\n"));
        return version == VyosVersion.V1_4 ? blocks : $"[ {node} ]\n{blocks}";
    }

    public static string Failure(VyosVersion version, string node, string message)
    {
        var wrapped = PythonTextWrap.Fill(message);
        var tail = $"[[{node}]] failed\nCommit failed\n";
        if (version == VyosVersion.V1_3) return $"[ {node} ]\n{wrapped}\n\n{tail}";
        if (version == VyosVersion.V1_4) return $"\n{wrapped}\n\n{tail}";
        return $"[ {node} ]\n{wrapped}\n\n{tail}\n";
    }
}
