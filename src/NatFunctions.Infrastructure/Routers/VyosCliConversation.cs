using System.Text;
using System.Text.RegularExpressions;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Command/response over a VyOS CLI text channel: sends one line, reads until the next prompt, and hands back what
/// was printed in between. Echo (a pty repeats what we type), escape sequences and async notices are removed from
/// the reply but kept in <see cref="Transcript"/>, which records the session exactly for the audit log, except the
/// output of <see cref="RunUnrecordedAsync"/>: a whole configuration can hold password hashes, IPsec pre-shared
/// secrets and WireGuard keys, which must never reach the audit log or an error message.
/// </summary>
internal sealed partial class VyosCliConversation(IRouterTextChannel channel, TimeSpan commandTimeout, TimeProvider timeProvider)
{
    private readonly StringBuilder pending = new();
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

    public async Task<VyosReply> RunAsync(string line, CancellationToken cancellationToken)
    {
        await channel.SendLineAsync(line, cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(line, cancellationToken).ConfigureAwait(false);
    }

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

    private async Task<VyosReply> ReadReplyAsync(string? sentLine, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(commandTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        while (true)
        {
            var reply = TryTakeReply(sentLine);
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
                    $"no prompt within {commandTimeout.TotalSeconds:0} s after '{sentLine ?? "login"}'; last output: {Tail()}");
            }

            if (chunk is null)
            {
                IsClosed = true;
                throw new RouterChannelException($"the router closed the session after '{sentLine ?? "login"}'; last output: {Tail()}");
            }

            pending.Append(chunk);
            if (recording) transcript.Append(chunk);
        }
    }

    private VyosReply? TryTakeReply(string? sentLine)
    {
        if (pending.Length == 0)
        {
            return null;
        }

        var text = AsyncNoticeFilter.Remove(TerminalTextNormaliser.Normalise(pending.ToString()));
        var kind = VyosPromptKind.Configuration;
        var match = ConfigurationPrompt().Match(text);
        if (!match.Success)
        {
            kind = VyosPromptKind.Operational;
            match = OperationalPrompt().Match(text);
        }

        if (!match.Success && AsksQuestion(sentLine))
        {
            kind = VyosPromptKind.Question;
            match = QuestionPrompt().Match(text);
        }

        if (!match.Success)
        {
            return null;
        }

        pending.Clear();
        lastPrompt = text[match.Index..].TrimStart('\n');
        var output = kind == VyosPromptKind.Question ? text : text[..match.Index];
        return new VyosReply(RemoveEcho(output, sentLine), kind);
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

    private static string RemoveEcho(string output, string? sentLine)
    {
        if (sentLine is null)
        {
            return output;
        }

        var firstLineEnd = output.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = firstLineEnd < 0 ? output : output[..firstLineEnd];
        if (firstLine.Trim() == sentLine.Trim())
        {
            return firstLineEnd < 0 ? string.Empty : output[(firstLineEnd + 1)..];
        }

        return output;
    }

    private string Tail()
    {
        if (!recording) return "(not shown: it may hold secrets)";
        var text = TerminalTextNormaliser.Normalise(pending.ToString()).Trim();
        return text.Length <= 200 ? $"'{text}'" : $"'…{text[^200..]}'";
    }

    // "[edit]" or "[edit nat destination]" on its own line, then "user@host# " ending the text.
    [GeneratedRegex(@"(?:^|\n)\[edit[^\]\n]*\]\n[^\n]*# $")]
    private static partial Regex ConfigurationPrompt();

    // "user@host:~$ " (the path part may be absent or carry a VRF) ending the text.
    [GeneratedRegex(@"(?:^|\n)[^\s@]+@[^\s:$#]+(?::[^\n]*)?\$ $")]
    private static partial Regex OperationalPrompt();

    // commit-confirm and rollback questions: 1.4+ "[Y/n] ", 1.3 "[confirm]".
    [GeneratedRegex(@"\[(?:Y/n|y/N|confirm)\]\s?$")]
    private static partial Regex QuestionPrompt();
}
