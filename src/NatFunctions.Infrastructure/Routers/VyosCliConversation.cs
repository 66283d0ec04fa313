using System.Text;
using System.Text.RegularExpressions;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Command/response over a VyOS CLI text channel: sends one line, reads until the next prompt, and hands back what
/// was printed in between; or, for set/delete lines typed ahead (<see cref="TypeAheadAsync"/>), hands back each one's
/// reply in order as its prompt arrives (<see cref="ReadTypedAheadReplyAsync"/>). Echo (a router that repeats what we type although
/// the pty was asked for none), escape sequences and async notices are removed from the reply but kept in
/// <see cref="Transcript"/>, which also gets every line we send, which records the session exactly for the audit log, except the
/// output of <see cref="RunUnrecordedAsync"/>: a whole configuration can hold password hashes, IPsec pre-shared
/// secrets and WireGuard keys, which must never reach the audit log or an error message.
/// </summary>
internal sealed partial class VyosCliConversation(IRouterTextChannel channel, TimeSpan commandTimeout, TimeProvider timeProvider)
{
    // The prompt (with a notice that may follow it) is always within the last few kilobytes of a reply.
    private const int PromptWindow = 8192;

    private readonly StringBuilder pending = new();
    private readonly NormalisedText text = new();
    private readonly StringBuilder transcript = new();
    private bool recording = true;
    private string lastPrompt = string.Empty;

    public string Transcript => transcript.ToString();

    /// <summary>True once the login prompt was seen and paging turned off (<see cref="VyosConfigureSession.EnterOperationalModeAsync"/>).</summary>
    public bool IsPrepared { get; set; }

    /// <summary>True once the other side closed the channel: nothing more can be sent or read.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Waits for the first prompt after login (a banner may come first).</summary>
    public Task<VyosReply> WaitForPromptAsync(CancellationToken cancellationToken) => ReadReplyAsync(null, cancellationToken);

    /// <summary>
    /// How long a commit may run before the session gives up on it (<c>CommitTimeoutSeconds</c>); longer than a plain
    /// command's, because hanging up in the middle of a commit leaves the router's state unknown.
    /// </summary>
    public TimeSpan? CommitTimeout { get; init; }

    public async Task<VyosReply> RunAsync(string line, CancellationToken cancellationToken)
    {
        await SendRecordedAsync(line, cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(line, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A line that commits (or answers commit-confirm's question): read for up to <see cref="CommitTimeout"/>.</summary>
    public async Task<VyosReply> RunCommitAsync(string line, CancellationToken cancellationToken)
    {
        await SendRecordedAsync(line, cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(line, cancellationToken, Max(CommitTimeout ?? commandTimeout, commandTimeout)).ConfigureAwait(false);
    }

    /// <summary>1.3's one-key answer to "Proceed? [confirm]", after which the commit runs: read like <see cref="RunCommitAsync"/>.</summary>
    public async Task<VyosReply> RunCommitKeyAsync(char key, CancellationToken cancellationToken)
    {
        await channel.SendKeyAsync(key, cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(key.ToString(), cancellationToken, Max(CommitTimeout ?? commandTimeout, commandTimeout)).ConfigureAwait(false);
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;

    /// <summary>
    /// Like <see cref="RunAsync"/>, but the transcript gets only the line, <paramref name="describe"/>'s summary of the
    /// reply in brackets and the prompt, and a failure message none of the output.
    /// </summary>
    public async Task<VyosReply> RunUnrecordedAsync(string line, Func<VyosReply, string> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(describe);
        transcript.Append(line).Append('\n');
        recording = false;
        VyosReply reply;
        try
        {
            await channel.SendLineAsync(line, cancellationToken).ConfigureAwait(false);
            reply = await ReadReplyAsync(line, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // What arrived so far must not show up in a later command's "last output" either.
            pending.Clear();
            text.Clear();
            transcript.Append("[output not recorded: the connection failed before the prompt]\n");
            throw;
        }
        finally
        {
            recording = true;
        }

        transcript.Append('[').Append(describe(reply)).Append("]\n").Append(lastPrompt);
        return reply;
    }

    /// <summary>Sends a line without waiting for a reply: the final op-mode <c>exit</c> closes the channel instead of prompting.</summary>
    public async Task SendWithoutReplyAsync(string line, CancellationToken cancellationToken)
    {
        transcript.Append(line).Append('\n');
        await channel.SendLineAsync(line, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Types a set/delete line without waiting for the prompt of the one before (<see cref="TypedAheadCommands"/>); its
    /// reply is read, in order, by <see cref="ReadTypedAheadReplyAsync"/>. The transcript shows the line where it was
    /// typed, ahead of the replies still to come, as a terminal would.
    /// </summary>
    public Task TypeAheadAsync(string line, CancellationToken cancellationToken) => SendRecordedAsync(line, cancellationToken);

    /// <summary>
    /// Sends a line and writes it into the transcript where it was typed: our channels do not echo (an SSH pty is
    /// asked for without echo, <see cref="SshRouterConnection"/>; the simulator's pipes never echo), so without this
    /// the audit log would show prompts and answers but not the commands.
    /// </summary>
    private Task SendRecordedAsync(string line, CancellationToken cancellationToken)
    {
        if (recording) transcript.Append(line).Append('\n');
        return channel.SendLineAsync(line, cancellationToken);
    }

    /// <summary>
    /// The reply to the oldest typed-ahead line: what came before the next configuration prompt, once the echoes of
    /// every line still typed ahead (<paramref name="typedAhead"/>, oldest first, that line included) and async notices
    /// are taken out (<see cref="TypedAheadReplies"/>). What followed that prompt stays for the next reply.
    /// </summary>
    public Task<VyosReply> ReadTypedAheadReplyAsync(IReadOnlyCollection<string> typedAhead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typedAhead);
        var line = typedAhead.First();
        return ReadReplyAsync(() => TryTakeTypedAheadReply(line, typedAhead), line, commandTimeout, cancellationToken);
    }

    private VyosReply? TryTakeTypedAheadReply(string line, IReadOnlyCollection<string> typedAhead)
    {
        var taken = TypedAheadReplies.TakeFirst(text.Completed(), line, typedAhead);
        if (taken is null) return null;
        text.ReplaceCompleted(taken.Rest);
        pending.Clear().Append(taken.Rest);
        lastPrompt = taken.Prompt;
        return taken.Reply;
    }

    private Task<VyosReply> ReadReplyAsync(string? sentLine, CancellationToken cancellationToken, TimeSpan? timeoutOverride = null) =>
        ReadReplyAsync(() => TryTakeReply(sentLine), sentLine, timeoutOverride ?? commandTimeout, cancellationToken);

    private async Task<VyosReply> ReadReplyAsync(Func<VyosReply?> tryTakeReply, string? sentLine, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(limit, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        while (true)
        {
            var reply = tryTakeReply();
            if (reply is not null)
            {
                return reply;
            }

            string? chunk;
            try
            {
                chunk = await channel.ReceiveAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new RouterChannelException(
                    $"no prompt within {limit.TotalSeconds:0} s after '{sentLine ?? "login"}'; last output: {Tail()}");
            }

            if (chunk is null)
            {
                IsClosed = true;
                throw new RouterChannelException($"the router closed the session after '{sentLine ?? "login"}'; last output: {Tail()}");
            }

            pending.Append(chunk);
            text.Append(chunk);
            if (recording) transcript.Append(chunk);
        }
    }

    /// <summary>
    /// Looks for the prompt at the end of what arrived. Only the last few kilobytes are examined per chunk, and the
    /// whole reply is cleaned once, when its prompt is there, so a 6 MB configuration arriving in 4 KB pieces is read in
    /// time linear in its size.
    /// </summary>
    private VyosReply? TryTakeReply(string? sentLine)
    {
        if (pending.Length == 0 || !text.HasNewText)
        {
            return null;
        }

        var tail = AsyncNoticeFilter.Remove(text.Tail(PromptWindow));
        if (FindPrompt(tail, sentLine) is null)
        {
            return null;
        }

        var whole = AsyncNoticeFilter.Remove(text.Whole());
        var windowStart = LineStartBefore(whole, whole.Length - PromptWindow);
        var found = FindPrompt(whole[windowStart..], sentLine);
        if (found is null)
        {
            // A notice cut by the window's edge filtered differently: look at the whole text once.
            windowStart = 0;
            found = FindPrompt(whole, sentLine);
            if (found is null) return null;
        }

        var (index, kind) = found.Value;
        index += windowStart;
        pending.Clear();
        text.Clear();
        lastPrompt = whole[index..].TrimStart('\n');
        var output = kind == VyosPromptKind.Question ? whole : whole[..index];
        return new VyosReply(RemoveEcho(output, sentLine), kind);
    }

    private static (int Index, VyosPromptKind Kind)? FindPrompt(string text, string? sentLine)
    {
        var match = ConfigurationPrompt().Match(text);
        if (match.Success) return (match.Index, VyosPromptKind.Configuration);
        match = OperationalPrompt().Match(text);
        if (match.Success) return (match.Index, VyosPromptKind.Operational);
        if (!AsksQuestion(sentLine)) return null;
        match = QuestionPrompt().Match(text);
        return match.Success ? (match.Index, VyosPromptKind.Question) : null;
    }

    private static int LineStartBefore(string text, int position)
    {
        if (position <= 0) return 0;
        var lineBreak = text.LastIndexOf('\n', position);
        return lineBreak < 0 ? 0 : lineBreak;
    }

    /// <summary>
    /// Only these commands ask: elsewhere a line ending in <c>[confirm]</c> is output (a description, a banner, a
    /// chunk cut there), and taking it for a prompt would end the reply early.
    /// </summary>
    private static bool AsksQuestion(string? sentLine)
    {
        var command = sentLine?.Trim().Split(' ')[0];
        return command is "commit-confirm" or "rollback" or "y";
    }

    /// <summary>
    /// Drops the terminal's echo of the line we sent. A long line may come back wrapped (the terminal breaks it at its
    /// width), so the echo is matched ignoring line breaks and spaces, and ends with the line its last character is on.
    /// </summary>
    internal static string RemoveEcho(string output, string? sentLine)
    {
        if (sentLine is null)
        {
            return output;
        }

        var sent = 0;
        var position = 0;
        while (position < output.Length && sent < sentLine.Length)
        {
            if (char.IsWhiteSpace(sentLine[sent])) { sent++; continue; }
            if (char.IsWhiteSpace(output[position])) { position++; continue; }
            if (output[position] != sentLine[sent]) return output;
            position++;
            sent++;
        }

        while (sent < sentLine.Length && char.IsWhiteSpace(sentLine[sent])) sent++;
        if (sent < sentLine.Length) return output;

        var lineEnd = output.IndexOf('\n', position);
        if (lineEnd < 0) return output[position..].Trim().Length == 0 ? string.Empty : output;
        return output[position..lineEnd].Trim().Length == 0 ? output[(lineEnd + 1)..] : output;
    }

    private string Tail()
    {
        if (!recording) return "(not shown: it may hold secrets)";
        var last = this.text.Tail(400).Trim();
        return last.Length <= 200 ? $"'{last}'" : $"'…{last[^200..]}'";
    }

    // "[edit]" or "[edit nat destination]" on its own line, then "user@host# " ending the text.
    [GeneratedRegex(@"(?:^|\n)\[edit[^\]\n]*\]\n[^\n]*# $")]
    private static partial Regex ConfigurationPrompt();

    // "user@host:~$ " (the path part may be absent or carry a VRF) ending the text.
    [GeneratedRegex(@"(?:^|\n)[^\s@]+@[^\s:$#]+(?::[^\n]*)?\$ $")]
    internal static partial Regex OperationalPrompt();

    // commit-confirm and rollback questions: 1.4+ "[Y/n] ", 1.3 "[confirm]".
    [GeneratedRegex(@"\[(?:Y/n|y/N|confirm)\]\s?$")]
    private static partial Regex QuestionPrompt();
}
