using System.Text.RegularExpressions;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Cuts the text of lines typed ahead of their prompts into one reply per line, by counting configuration prompts:
/// the shell reads and answers typed-ahead lines one at a time, in order, and ends every answer with exactly one
/// prompt, so the n-th prompt ends the n-th line's reply whatever else arrived in between. What else arrives:
/// <list type="bullet">
/// <item>Echoes, from a router that echoes although its pty was asked for none (<see cref="SshRouterConnection"/>,
/// decision 0023: a login script that turns echo back on). A pty echoes input the moment it arrives, before the shell
/// reads it, so the echo of a later line can land anywhere in an earlier line's output; a shell with readline (vbash,
/// PS1 <c>[edit]\n\u@\H# </c> from vyatta-cfg sagitta:src/cstore/cstore.cpp) echoes the line again after its prompt
/// when it reads it. Every exact "line + line break" of a line still typed ahead is removed wherever it is: no VyOS
/// output of a set/delete repeats a whole command line (its errors say "Set failed", "Configuration path: [...]",
/// "Error: ..."). That is all a whole echo needs; an echo the kernel flushed in pieces (it can, under load) cannot be
/// removed safely, which is why the pty is asked for no echo.</item>
/// <item>Async notices (<see cref="AsyncNoticeFilter"/>), removed as in any reply.</item>
/// </list>
/// Without echo (the usual case: an SSH pty without echo, or the simulator's pipes) a prompt follows the one before on
/// the same line; a prompt therefore starts at the start of the text (right after the previous one) or of a line.
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
