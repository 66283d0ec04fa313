using System.Text;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// Runs a configure session's set/delete lines without waiting for each prompt before typing the next (decision 0023):
/// up to <c>window</c> lines are typed ahead, and each reply is read in order (<see cref="TypedAheadReplies"/>), typing
/// one more line as each comes back, so every line costs the router's time for it rather than a network round trip.
/// At the first refusal nothing more is typed; the lines already typed still run in the uncommitted session, their
/// replies are read so the shell is back at its prompt, and the caller's <c>exit discard</c> drops them all. A window
/// of 1 is one line per prompt.
/// </summary>
internal sealed class TypedAheadCommands(VyosCliConversation cli, int window)
{
    /// <summary>
    /// Most bytes typed ahead of their replies. Linux keeps at most 4096 bytes of unread input in a tty's line
    /// discipline (N_TTY_BUF_SIZE, drivers/tty/n_tty.c); more waits in the pty's buffer and is taken in pieces as the
    /// shell reads, and, on a router that echoes anyway, echoed a piece at a time, so an echo could be cut in the middle
    /// of a line and the shell's output land inside it (the pty is asked for no echo, decision 0023, because under load
    /// an echo can be cut even below this cap). It is also far below an SSH channel window (OpenSSH grants 2 MB). A
    /// 3 KB window still holds 25-45 of our lines, more than a router answers in a round trip.
    /// </summary>
    public const int MaxTypedAheadBytes = 3072;

    /// <summary>
    /// Runs <paramref name="commands"/> in order; the first whose reply <paramref name="isRefusal"/> says was refused,
    /// with that reply, or null when all were taken. A reply that ends outside configuration mode ends the run at once:
    /// prompts after it no longer answer our lines.
    /// </summary>
    public async Task<(string Command, VyosReply Reply)?> RunAsync(
        IReadOnlyList<string> commands, Func<VyosReply, bool> isRefusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(isRefusal);
        return window <= 1
            ? await RunOneAtATimeAsync(commands, isRefusal, cancellationToken).ConfigureAwait(false)
            : await RunTypedAheadAsync(commands, isRefusal, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(string Command, VyosReply Reply)?> RunOneAtATimeAsync(
        IReadOnlyList<string> commands, Func<VyosReply, bool> isRefusal, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            var reply = await cli.RunAsync(command, cancellationToken).ConfigureAwait(false);
            if (isRefusal(reply)) return (command, reply);
        }

        return null;
    }

    private async Task<(string Command, VyosReply Reply)?> RunTypedAheadAsync(
        IReadOnlyList<string> commands, Func<VyosReply, bool> isRefusal, CancellationToken cancellationToken)
    {
        var typedAhead = new Queue<string>();
        var typedBytes = 0;
        var next = 0;
        (string Command, VyosReply Reply)? refused = null;
        while (true)
        {
            while (refused is null && next < commands.Count && typedAhead.Count < window
                   && (typedAhead.Count == 0 || typedBytes + TypedBytes(commands[next]) <= MaxTypedAheadBytes))
            {
                await cli.TypeAheadAsync(commands[next], cancellationToken).ConfigureAwait(false);
                typedAhead.Enqueue(commands[next]);
                typedBytes += TypedBytes(commands[next]);
                next++;
            }

            if (typedAhead.Count == 0) return refused;

            var reply = await cli.ReadTypedAheadReplyAsync(typedAhead, cancellationToken).ConfigureAwait(false);
            var command = typedAhead.Dequeue();
            typedBytes -= TypedBytes(command);
            if (reply.Prompt != VyosPromptKind.Configuration) return refused ?? (command, reply);
            if (refused is null && isRefusal(reply)) refused = (command, reply);
        }
    }

    // The line and its Enter, as they sit in the tty's buffer.
    private static int TypedBytes(string line) => Encoding.UTF8.GetByteCount(line) + 1;
}
