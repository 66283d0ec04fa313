using System.Text;
using System.Text.RegularExpressions;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Removes text that other processes write to our terminal at any moment, wherever it lands: before or after a
/// prompt, between two lines of a reply, or in the middle of a line (the terminal does not wait for a line to end).
/// <list type="bullet">
/// <item>commit-confirm's countdown and revert notices, sent with <c>wall -n</c>, so without any header:
/// "[commit-confirm] System is going to reboot in N minute(s) to rollback the last commit." / "Confirm your changes to
/// cancel the reboot." (sagitta/circinus:src/helpers/commit-confirm-notify.py), "System will reboot|reload previous config
/// in N minute(s)" and "[commit-confirm] Reverting to previous config now" (current:src/helpers/commit-confirm-notify.py,
/// current:python/vyos/config_mgmt.py). util-linux <c>wall</c> puts a line of 79 spaces before and after the message.</item>
/// <item>vyatta-cfg-notify's <c>write</c> to every other configure session after an operator's commit:
/// "Active configuration has been changed by user 'U' on 'TTY'." / "Please make sure you do not have conflicting
/// changes. You can also discard" / "the current changes by issuing 'exit discard'." (vyatta-cfg
/// sagitta:scripts/vyatta-cfg-notify). util-linux <c>write</c> frames it with CR LF, bells and
/// "Message from U@H on TTY at HH:MM ..." before, and "EOF" after.</item>
/// <item><c>wall</c> broadcasts with their "Broadcast message from" banner.</item>
/// </list>
/// Each notice is removed with the line breaks its sender added, so a line it split is whole again. Linear in the
/// text: every pattern starts with a fixed word.
/// </summary>
internal static partial class AsyncNoticeFilter
{
    // Line breaks a sender may have added (wrapping at 79 columns pads with spaces, then CR LF), tolerated between any
    // two characters of a fixed text.
    private const string Wrap = "(?:[ ]*\\n)?";

    private static readonly Regex HeaderlessNotice = new(
        $"(?:[ ]{{20,}}\\n)?(?:{CommitConfirmNotice()})[ ]*\\n?(?:[ ]{{20,}}\\n)?",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static string Remove(string text)
    {
        var cleaned = RemoveWithin(text);
        return cleaned.Length == text.Length ? text : WithoutTrailingBlankLines(cleaned);
    }

    /// <summary>
    /// Like <see cref="Remove"/>, but keeps what follows the last notice as it is: for text that goes on after more
    /// arrives (the replies of typed-ahead lines), where a blank line at the end may be the start of the next output.
    /// </summary>
    public static string RemoveWithin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayHoldNotice(text)) return text;

        var cleaned = WriteMessage().Replace(text, string.Empty);
        cleaned = BannerBroadcast().Replace(cleaned, string.Empty);
        cleaned = HeaderlessNotice.Replace(cleaned, string.Empty);
        return NotifyLine().Replace(cleaned, string.Empty);
    }

    /// <summary>A notice that arrived after a prompt can leave blank lines behind it; the prompt must end the text again.</summary>
    private static string WithoutTrailingBlankLines(string text)
    {
        var end = text.Length;
        while (end > 0)
        {
            var lastBreak = text.LastIndexOf('\n', end - 1);
            if (lastBreak < 0 || !text.AsSpan(lastBreak + 1, end - lastBreak - 1).Trim(' ').IsEmpty) break;
            end = lastBreak;
        }

        return text[..end];
    }

    /// <summary>Cheap first look: every notice holds one of these words.</summary>
    public static bool MayHoldNotice(string text) =>
        text.Contains("commit-confirm]", StringComparison.Ordinal)
        || text.Contains("Message from", StringComparison.Ordinal)
        || text.Contains("message from", StringComparison.Ordinal)
        || text.Contains("Active configuration has been changed", StringComparison.Ordinal)
        || text.Contains("conflicting changes", StringComparison.Ordinal)
        || text.Contains("issuing 'exit discard'", StringComparison.Ordinal);

    private static string CommitConfirmNotice()
    {
        var minutes = $"\\d+{Wrap}[ ]{Wrap}{Tolerant("minute")}(?:{Wrap}s)?";
        var countdown =
            $"{Tolerant("[commit-confirm] System ")}(?:{Tolerant("is going to reboot")}|{Tolerant("will reboot")}|{Tolerant("will reload previous config")})" +
            $"{Wrap}[ ]{Wrap}{Tolerant("in ")}{minutes}\\s*{Tolerant("to rollback the last commit.")}\\s*" +
            $"{Tolerant("Confirm your changes to cancel the ")}(?:{Tolerant("reboot.")}|{Tolerant("reload.")})";
        var revert = Tolerant("[commit-confirm] Reverting to previous config now");
        return $"{countdown}|{revert}";
    }

    private static string Tolerant(string literal)
    {
        var pattern = new StringBuilder();
        for (var index = 0; index < literal.Length; index++)
        {
            if (index > 0) pattern.Append(Wrap);
            pattern.Append(Regex.Escape(literal[index].ToString()));
        }

        return pattern.ToString();
    }

    // util-linux write: "\r\n\a\a\aMessage from U@H [(as U)] on TTY at HH:MM ...\r\n", the lines, "EOF\r\n".
    [GeneratedRegex(@"\n?Message from \S+@\S+ (?:\(as \S+\) )?on \S+ at \d{1,2}:\d{2} \.\.\.[ ]*\n(?:[^\n]*\n)*?EOF[ ]*(?:\n|$)", RegexOptions.CultureInvariant)]
    private static partial Regex WriteMessage();

    // util-linux wall with its banner: a blank line, the banner line, a blank line, the message, a closing blank line.
    [GeneratedRegex(@"(?:[ ]*\n)?Broadcast message from [^\n]*\n[ ]*\n(?:[^\n]+\n)*?[ ]*(?:\n|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BannerBroadcast();

    // vyatta-cfg-notify's three lines when they come without write's frame (sagitta:scripts/vyatta-cfg-notify).
    [GeneratedRegex(@"(?:Active configuration has been changed by user '[^'\n]*' on '[^'\n]*'\.|Please make sure you do not have conflicting changes\. You can also discard|the current changes by issuing 'exit discard'\.)[ ]*\n?", RegexOptions.CultureInvariant)]
    private static partial Regex NotifyLine();
}
