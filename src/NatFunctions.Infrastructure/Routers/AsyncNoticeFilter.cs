using System.Text.RegularExpressions;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Removes text that other processes write to our terminal at any moment: <c>wall</c> broadcasts (commit-confirm's
/// revert notice), <c>write</c> messages, and vyatta-cfg-notify's "Active configuration has been changed" note.
/// Without this a notice printed after a prompt would hide the prompt and a command would seem to hang.
/// </summary>
internal static partial class AsyncNoticeFilter
{
    public static string Remove(string text)
    {
        if (!NoticeStart().IsMatch(text))
        {
            return text;
        }

        var kept = new List<string>();
        var lines = text.Split('\n');
        var removedAny = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            if (BlockHeader().IsMatch(line))
            {
                index = SkipBlock(lines, index);
                removedAny = true;
                continue;
            }

            if (NotifyLine().IsMatch(line))
            {
                removedAny = true;
                continue;
            }

            kept.Add(line);
        }

        // A notice that arrived after a prompt leaves blank lines behind it; the prompt must end the text again.
        while (removedAny && kept.Count > 1 && kept[^1].Trim().Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join('\n', kept);
    }

    /// <summary>A broadcast is its header, a blank line, the message, and a closing blank line (or <c>EOF</c> for write).</summary>
    private static int SkipBlock(string[] lines, int header)
    {
        var index = header + 1;
        var seenText = false;
        for (; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line == "EOF")
            {
                return index;
            }

            if (line.Length == 0)
            {
                if (seenText)
                {
                    return index;
                }

                continue;
            }

            seenText = true;
        }

        return index - 1;
    }

    [GeneratedRegex(@"Broadcast message from|Message from |Active configuration has been changed|Please make sure you do not have conflicting|the current changes by issuing 'exit discard'")]
    private static partial Regex NoticeStart();

    [GeneratedRegex(@"^\s*(Broadcast message from |Message from \S+@\S+)")]
    private static partial Regex BlockHeader();

    [GeneratedRegex(@"^\s*(Active configuration has been changed by user|Please make sure you do not have conflicting changes|the current changes by issuing 'exit discard'\.)")]
    private static partial Regex NotifyLine();
}
