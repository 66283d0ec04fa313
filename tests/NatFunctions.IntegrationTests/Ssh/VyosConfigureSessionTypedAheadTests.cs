using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// A configure session typing its lines ahead, on replayed terminal text whose prompts only come once every line was
/// typed: a session that waited for each prompt would time out on it.
/// </summary>
public sealed class VyosConfigureSessionTypedAheadTests
{
    private const string OpPrompt = "vyos@vyos:~$ ";
    private const string EditPrompt = "[edit]\r\nvyos@vyos# ";
    private const string A = "set nat destination rule 10 protocol 'tcp'";
    private const string B = "set nat destination rule 10 destination port '70000'";
    private const string C = "set nat destination rule 10 translation port '22'";
    private const string D = "set nat destination rule 10 translation address '192.168.64.10'";
    private const string Refusal = "  Error: 70000 is not a valid port\r\n  Value validation failed\r\n  Set failed\r\n";

    [Fact]
    public async Task A_refusal_in_the_middle_is_blamed_on_its_line_and_the_session_ends_with_exit_discard()
    {
        // The pty echoes the three lines as they arrive; the shell answers them afterwards, one prompt each.
        var channel = new RecordedTextChannel(OpPrompt, Replies(
            (A, [A + "\r\n"]),
            (B, [B + "\r\n"]),
            (C, [C + "\r\n", EditPrompt, Refusal + EditPrompt, EditPrompt])));
        var session = new VyosConfigureSession(new VyosCliConversation(channel, TimeSpan.FromSeconds(2), TimeProvider.System), window: 64);

        var result = await session.ApplyAsync(new RouterChangeRequest([A, B, C]), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal(B, result.FailedCommand);
        Assert.Equal("  Error: 70000 is not a valid port\n  Value validation failed\n  Set failed", result.Message);
        Assert.Equal(["set terminal length 0", "configure", A, B, C, "exit discard", "exit"], channel.Sent);
        Assert.Contains(Refusal, result.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_refusal_nothing_more_is_typed_and_the_lines_in_flight_are_read_before_exit_discard()
    {
        var channel = new RecordedTextChannel(OpPrompt, Replies(
            (B, [B + "\r\n"]),
            (A, [A + "\r\n", Refusal + EditPrompt, EditPrompt])));
        var session = new VyosConfigureSession(new VyosCliConversation(channel, TimeSpan.FromSeconds(2), TimeProvider.System), window: 2);

        var result = await session.ApplyAsync(new RouterChangeRequest([B, A, C, D]), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal(B, result.FailedCommand);
        Assert.Equal(["set terminal length 0", "configure", B, A, "exit discard", "exit"], channel.Sent);
    }

    [Fact]
    public async Task Lines_a_line_editor_echoes_again_after_their_prompts_are_committed_in_order()
    {
        // vbash: readline echoes each line after its prompt; lines typed while one ran were echoed by the tty already.
        var channel = new RecordedTextChannel(OpPrompt, Replies(
            (A, [A + "\r\n", C + "\r\n"]),
            (C, [EditPrompt + C + "\r\n", EditPrompt + D + "\r\n", EditPrompt]),
            (D, [])));
        var session = new VyosConfigureSession(new VyosCliConversation(channel, TimeSpan.FromSeconds(2), TimeProvider.System), window: 64);

        var result = await session.ApplyAsync(new RouterChangeRequest([A, C, D]), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Equal(["set terminal length 0", "configure", A, C, D, "compare", "commit", "save", "exit", "exit"], channel.Sent);
    }

    private static Dictionary<string, string[]> Replies(params (string Line, string[] Chunks)[] typedAhead)
    {
        var replies = new Dictionary<string, string[]>
        {
            ["set terminal length 0"] = ["set terminal length 0\r\n" + OpPrompt],
            ["configure"] = ["configure\r\n" + EditPrompt],
            ["compare"] = ["compare\r\n+ set nat destination rule 10\r\n" + EditPrompt],
            ["commit"] = ["commit\r\n" + EditPrompt],
            ["save"] = ["save\r\n" + EditPrompt],
            ["exit discard"] = ["exit discard\r\n" + OpPrompt],
            ["exit"] = ["exit\r\n" + OpPrompt],
        };
        foreach (var (line, chunks) in typedAhead) replies[line] = chunks;
        return replies;
    }
}
