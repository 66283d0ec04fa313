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

    public static string Failure(VyosVersion version, string node, string message)
    {
        var wrapped = PythonTextWrap.Fill(message);
        var tail = $"[[{node}]] failed\nCommit failed\n";
        if (version == VyosVersion.V1_3) return $"[ {node} ]\n{wrapped}\n\n{tail}";
        if (version == VyosVersion.V1_4) return $"\n{wrapped}\n\n{tail}";
        return $"[ {node} ]\n{wrapped}\n\n{tail}\n";
    }
}
