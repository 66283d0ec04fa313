using System.Text.RegularExpressions;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Cuts the text of lines typed ahead of their prompts into one reply per line, by counting configuration prompts:
/// the shell reads and answers typed-ahead lines one at a time, in order, and ends every answer with exactly one
/// prompt, so the n-th prompt ends the n-th line's reply whatever else arrived in between. What else arrives:
/// <list type="bullet">
/// <item>Echoes. The pty echoes input the moment it arrives, before the shell reads it, so the echo of a later line can
/// land anywhere in an earlier line's output (our simulator, with no line editor, is echoed only this way); a shell
/// with readline (vbash, PS1 <c>[edit]\n\u@\H# </c> from vyatta-cfg sagitta:src/cstore/cstore.cpp) echoes the line
/// again after its prompt when it reads it. Both are the exact line and a line break (the tty does not wrap), and the
/// kernel echoes a whole line at once as long as the input fits its line buffer (<see cref="TypedAheadCommands"/>
/// keeps it there); the other side's own output can still be cut around it, even between <c>[edit]</c> and its line
/// break. So every exact "line + line break" of a line still typed ahead is removed wherever it is: no VyOS output of a
/// set/delete repeats a whole command line (its errors say "Set failed", "Configuration path: [...]", "Error: ...").</item>
/// <item>Async notices (<see cref="AsyncNoticeFilter"/>), removed as in any reply.</item>
/// </list>
/// Without echo (the simulator over pipes) a prompt follows the one before on the same line; a prompt therefore
/// starts at the start of the text (right after the previous one) or of a line.
/// </summary>
internal static partial class TypedAheadReplies
{
    /// <summary>
    /// The reply to <paramref name="line"/>, the oldest of <paramref name="typedAhead"/> (every line sent whose reply
    /// was not taken yet, oldest first), when its prompt is in <paramref name="text"/>; null while it is not.
    /// </summary>
    public static TypedAheadReply? TakeFirst(string text, string line, IReadOnlyCollection<string> typedAhead)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(typedAhead);
        var cleaned = AsyncNoticeFilter.RemoveWithin(WithoutEchoes(text, typedAhead));
        var prompt = ConfigurationPrompt().Match(cleaned);
        if (prompt.Success)
        {
            var promptStart = prompt.Value.StartsWith('\n') ? prompt.Index + 1 : prompt.Index;
            var promptEnd = prompt.Index + prompt.Length;
            return new TypedAheadReply(
                new VyosReply(VyosCliConversation.RemoveEcho(cleaned[..prompt.Index], line), VyosPromptKind.Configuration),
                cleaned[promptStart..promptEnd],
                cleaned[promptEnd..]);
        }

        // Out of configuration mode (the shell ended it): nothing after this prompt answers a typed-ahead line.
        var operational = VyosCliConversation.OperationalPrompt().Match(cleaned);
        return operational.Success
            ? new TypedAheadReply(
                new VyosReply(VyosCliConversation.RemoveEcho(cleaned[..operational.Index], line), VyosPromptKind.Operational),
                cleaned[operational.Index..].TrimStart('\n'),
                string.Empty)
            : null;
    }

    private static string WithoutEchoes(string text, IReadOnlyCollection<string> typedAhead)
    {
        // Longest first, so a line that ends another one cannot leave that one's head behind.
        foreach (var typed in typedAhead.Distinct(StringComparer.Ordinal).OrderByDescending(typed => typed.Length))
        {
            var echo = typed + "\n";
            if (text.Contains(echo, StringComparison.Ordinal)) text = text.Replace(echo, string.Empty, StringComparison.Ordinal);
        }

        return text;
    }

    // "[edit]" or "[edit nat destination]" at the start of the text or of a line, then the prompt line up to its "# ".
    // Not anchored at the end: later replies may follow.
    [GeneratedRegex(@"(?:^|\n)\[edit[^\]\n]*\]\n[^\n]*?# ")]
    private static partial Regex ConfigurationPrompt();
}
