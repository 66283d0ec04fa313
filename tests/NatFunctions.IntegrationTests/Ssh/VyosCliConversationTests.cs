using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>Terminal details the simulator does not produce: pty echo with CR LF, colour codes, wall broadcasts.</summary>
public sealed class VyosCliConversationTests
{
    private const string OpPrompt = "vyos@vyos:~$ ";
    private const string EditPrompt = "[edit]\r\nvyos@vyos# ";
    private const string Broadcast = "\r\n\r\nBroadcast message from root@vyos (somewhere) (Wed Nov 25 17:40:01 2026):\r\n\r\n[commit-confirm] Reverting to previous config now\r\n\r\n";

    [Fact]
    public async Task A_broadcast_after_the_prompt_and_an_echoed_command_still_give_a_clean_reply()
    {
        var channel = new RecordedTextChannel(
            "Welcome to VyOS\r\n\u001b]0;vyos@vyos: ~\u0007" + OpPrompt,
            new Dictionary<string, string[]>
            {
                ["set terminal length 0"] = ["set terminal length 0\r\n" + OpPrompt],
                ["configure"] = ["configure\r\n" + EditPrompt + Broadcast],
                ["set nat destination rule 10 protocol 'tcp'"] = ["set nat destination rule 10 protocol 'tcp'\r\n", EditPrompt],
                ["compare"] = ["compare\r\n\u001b[32m+ set nat destination rule 10 protocol 'tcp'\u001b[0m\r\n" + EditPrompt],
                ["commit"] = ["commit\r\n" + EditPrompt],
                ["save"] = ["save\r\n" + EditPrompt],
                ["exit"] = ["exit\r\n" + OpPrompt],
            });
        var session = new VyosConfigureSession(new VyosCliConversation(channel, TimeSpan.FromSeconds(5), TimeProvider.System));

        var result = await session.ApplyAsync(new RouterChangeRequest(["set nat destination rule 10 protocol 'tcp'"]), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Equal(["set terminal length 0", "configure", "set nat destination rule 10 protocol 'tcp'", "compare", "commit", "save", "exit", "exit"], channel.Sent);
        Assert.Contains("[commit-confirm] Reverting to previous config now", result.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_that_closes_before_the_prompt_is_a_transport_failure()
    {
        var channel = new RecordedTextChannel(OpPrompt, new Dictionary<string, string[]> { ["set terminal length 0"] = ["set terminal length 0\r\n" + OpPrompt] });
        var session = new VyosConfigureSession(new VyosCliConversation(channel, TimeSpan.FromSeconds(5), TimeProvider.System));

        var result = await session.ApplyAsync(new RouterChangeRequest(["set nat destination rule 10 protocol 'tcp'"]), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.TransportFailure, result.Outcome);
        Assert.Contains("closed the session after 'configure'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_times_out_before_the_commit_is_followed_by_exit_discard()
    {
        var channel = new RecordedTextChannel(OpPrompt, SilentSetReplies(), hangWhenIdle: true);
        var session = new VyosConfigureSession(new VyosCliConversation(channel, TimeSpan.FromSeconds(1), TimeProvider.System));

        var result = await session.ApplyAsync(new RouterChangeRequest([SilentSet]), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.TransportFailure, result.Outcome);
        Assert.Contains($"no prompt within 1 s after '{SilentSet}'", result.Message, StringComparison.Ordinal);
        Assert.Equal(["set terminal length 0", "configure", SilentSet, "exit discard", "exit"], channel.Sent);
    }

    [Fact]
    public async Task A_session_cancelled_by_its_caller_before_the_commit_still_sends_exit_discard()
    {
        var channel = new RecordedTextChannel(OpPrompt, SilentSetReplies(), hangWhenIdle: true);
        var session = new VyosConfigureSession(new VyosCliConversation(channel, TimeSpan.FromSeconds(60), TimeProvider.System));
        using var cancellation = new CancellationTokenSource();

        var applying = session.ApplyAsync(new RouterChangeRequest([SilentSet]), cancellation.Token);
        while (!channel.Sent.Contains(SilentSet)) await Task.Delay(10);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => applying);
        Assert.Equal(["set terminal length 0", "configure", SilentSet, "exit discard", "exit"], channel.Sent);
    }

    [Fact]
    public async Task Output_whose_chunk_ends_like_a_question_is_not_taken_for_one_after_a_command_that_does_not_ask()
    {
        var channel = new RecordedTextChannel(
            OpPrompt,
            new Dictionary<string, string[]>
            {
                ["show configuration commands"] =
                    ["show configuration commands\r\nset system login banner pre-login 'Proceed? [confirm]", "'\r\nset system host-name 'edge'\r\n" + OpPrompt],
            });
        var cli = new VyosCliConversation(channel, TimeSpan.FromSeconds(5), TimeProvider.System);
        await cli.WaitForPromptAsync(CancellationToken.None);

        var reply = await cli.RunAsync("show configuration commands", CancellationToken.None);

        Assert.Equal(VyosPromptKind.Operational, reply.Prompt);
        Assert.Contains("set system host-name 'edge'", reply.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_configuration_read_names_the_kind_of_answer_but_none_of_its_text()
    {
        const string Secret = "$6$rounds=656000$notinanerror";
        var channel = new RecordedTextChannel(
            OpPrompt,
            new Dictionary<string, string[]>
            {
                ["set terminal length 0"] = ["set terminal length 0\r\n" + OpPrompt],
                ["show version"] = ["show version\r\nVersion:          VyOS 1.4.0\r\nRelease train:    sagitta\r\n" + OpPrompt],
                ["show configuration commands"] =
                    [$"show configuration commands\r\nset system login user vyos authentication encrypted-password '{Secret}'\r\nInvalid command: [show configuration commands]\r\n" + OpPrompt],
            });
        var settings = new RouterSettings { Name = "edge", Transport = RouterTransport.Ssh };
        using var client = new CliRouterClient(settings, new RecordedChannelOpener(channel), TimeProvider.System);

        var failure = await Assert.ThrowsAsync<RouterAccessException>(() => client.ReadConfigurationCommandsAsync(CancellationToken.None));

        Assert.Equal(RouterAccessFailure.UnexpectedOutput, failure.Failure);
        Assert.Contains("'show configuration commands' failed (ended at the operational prompt; 2 configuration lines read", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.Message, StringComparison.Ordinal);
    }

    private const string SilentSet = "set nat destination rule 10 protocol 'tcp'";

    // The router answers everything but the set command, as a router that hangs on one command and recovers.
    private static Dictionary<string, string[]> SilentSetReplies() => new()
    {
        ["set terminal length 0"] = ["set terminal length 0\r\n" + OpPrompt],
        ["configure"] = ["configure\r\n" + EditPrompt],
        ["exit discard"] = ["exit discard\r\n" + OpPrompt],
    };
}
