using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// The driver against VyOS's own texts, replayed (the simulator does not yet print them): commit-confirm arming its
/// timer before the commit (sagitta/circinus:python/vyos/config_mgmt.py, vyatta-config-mgmt equuleus
/// scripts/vyatta-config-mgmt.pl), save's Python traceback (sagitta:src/helpers/vyos-save-config.py), header-less
/// <c>wall -n</c> notices (sagitta:src/helpers/commit-confirm-notify.py) and vyatta-cfg-notify's <c>write</c>.
/// </summary>
public sealed class VyosConfigureSessionTextsTests
{
    private const string OpPrompt = "vyos@vyos:~$ ";
    private const string EditPrompt = "[edit]\r\nvyos@vyos# ";
    private const string Set = "set nat destination rule 10 protocol 'tcp'";
    private const string Question14 = "\r\ncommit-confirm will automatically reboot in 1 minutes unless changes\r\nare confirmed.\r\n\r\nProceed ? [Y/n] ";
    private const string Armed14 = "Initialized commit-confirm; 1 minutes to confirm before reboot\r\n";
    private const string NatFailure14 = "\r\n\r\nDestination NAT configuration error in rule 10: translation requires address and/or port\r\n\r\n[[nat]] failed\r\nCommit failed\r\n";
    private const string Countdown =
        "                                                                               \r\n" +
        "[commit-confirm] System is going to reboot in 1 minute to rollback the last commit.\r\n" +
        "Confirm your changes to cancel the reboot.\r\n" +
        "                                                                               \r\n";
    private const string WriteNotice =
        "\r\n\a\a\aMessage from operator@vyos on pts/1 at 16:02 ...\r\n" +
        "Active configuration has been changed by user 'operator' on 'pts/1'.\r\n" +
        "Please make sure you do not have conflicting changes. You can also discard\r\n" +
        "the current changes by issuing 'exit discard'.\r\n" +
        "EOF\r\n";

    [Fact]
    public async Task A_refused_commit_confirm_on_1_4_cancels_the_timer_it_armed_before_leaving()
    {
        var channel = Router(new()
        {
            ["commit-confirm 1"] = ["commit-confirm 1\r\n" + Question14],
            ["y"] = ["y\r\n" + Armed14 + NatFailure14 + EditPrompt],
            ["confirm"] = ["confirm\r\nReboot timer stopped\r\n" + EditPrompt],
        });

        var result = await Session(channel, VyosVersion.V1_4).ApplyAsync(new RouterChangeRequest([Set], commitConfirmMinutes: 1), None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal(["set terminal length 0", "configure", Set, "compare", "commit-confirm 1", "y", "confirm", "exit discard", "exit"], channel.Sent);
        Assert.Contains("translation requires address and/or port", result.Message, StringComparison.Ordinal);
        Assert.Contains("was cancelled with 'confirm'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_confirm_that_meets_the_commit_lock_after_arming_cancels_the_timer()
    {
        var channel = Router(new()
        {
            ["commit-confirm 1"] = ["commit-confirm 1\r\n" + Question14],
            ["y"] = ["y\r\n" + Armed14 + "Configuration system temporarily locked due to another commit in progress\r\n" + EditPrompt],
            // After a failed commit 1.4 stops the timer, then fails on the commit log entry the commit never wrote.
            ["confirm"] = ["confirm\r\nTraceback (most recent call last):\r\n  File \"/usr/bin/config-mgmt\", line 8, in <module>\r\nUnboundLocalError: cannot access local variable 'entry' where it is not associated with a value\r\n" + EditPrompt],
        });

        var result = await Session(channel, VyosVersion.V1_4).ApplyAsync(new RouterChangeRequest([Set], commitConfirmMinutes: 1), None);

        Assert.Equal(RouterSessionOutcome.LockBusy, result.Outcome);
        Assert.Contains("confirm", channel.Sent);
        Assert.Contains("was cancelled with 'confirm'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_pending_confirm_on_1_4_armed_nothing_so_nothing_is_confirmed()
    {
        var channel = Router(new() { ["commit-confirm 1"] = ["commit-confirm 1\r\nAnother confirm is pending\r\n" + EditPrompt] });

        var result = await Session(channel, VyosVersion.V1_4).ApplyAsync(new RouterChangeRequest([Set], commitConfirmMinutes: 1), None);

        Assert.Equal(RouterSessionOutcome.LockBusy, result.Outcome);
        Assert.DoesNotContain("confirm", channel.Sent);
        Assert.Contains("exit discard", channel.Sent);
    }

    [Fact]
    public async Task A_refused_commit_confirm_on_1_3_cancels_the_reboot_job_it_scheduled()
    {
        var channel = Router(new()
        {
            ["commit-confirm 1"] = ["commit-confirm 1\r\ncommit confirm will be automatically reboot in 1 minutes unless confirmed\r\nProceed? [confirm]"],
            ["key y"] = ["y\r\n[ nat ]\r\nDestination NAT configuration error in rule 10: translation requires address and/or port\r\n\r\n[[nat]] failed\r\nCommit failed\r\n" + EditPrompt],
            ["confirm"] = ["confirm\r\n" + EditPrompt],
        });

        var result = await Session(channel, VyosVersion.V1_3).ApplyAsync(new RouterChangeRequest([Set], commitConfirmMinutes: 1), None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal(["set terminal length 0", "configure", Set, "compare", "commit-confirm 1", "key y", "confirm", "exit discard", "exit"], channel.Sent);
    }

    [Fact]
    public async Task Another_pending_confirm_on_1_3_still_commits_so_the_session_neither_confirms_nor_saves_nor_discards()
    {
        var channel = Router(new() { ["commit-confirm 1"] = ["commit-confirm 1\r\nAnother confirm is pending\r\n" + EditPrompt] });

        var result = await Session(channel, VyosVersion.V1_3).ApplyAsync(new RouterChangeRequest([Set], commitConfirmMinutes: 1), None);

        Assert.Equal(RouterSessionOutcome.LockBusy, result.Outcome);
        Assert.Contains("committed this change anyway", result.Message, StringComparison.Ordinal);
        Assert.Equal(["set terminal length 0", "configure", Set, "compare", "commit-confirm 1", "exit", "exit"], channel.Sent);
    }

    [Fact]
    public async Task A_save_that_ends_in_a_python_traceback_is_not_saved()
    {
        var channel = Router(new()
        {
            ["commit"] = ["commit\r\n" + EditPrompt],
            ["save"] =
            [
                "save\r\nTraceback (most recent call last):\r\n  File \"/usr/libexec/vyos/vyos-save-config.py\", line 51, in <module>\r\n" +
                "    with open(write_file, 'w') as f:\r\nOSError: [Errno 28] No space left on device\r\n" + EditPrompt,
            ],
        });

        var result = await Session(channel, VyosVersion.V1_4).ApplyAsync(new RouterChangeRequest([Set]), None);

        Assert.Equal(RouterSessionOutcome.TransportFailure, result.Outcome);
        Assert.False(result.Saved);
        Assert.True(result.MayHaveCommitted);
        Assert.Contains("refused 'save'", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_less_and_write_notices_anywhere_in_a_read_back_leave_it_whole()
    {
        var channel = Router(new()
        {
            ["commit-confirm 1"] = ["commit-confirm 1\r\n" + Question14],
            ["y"] = ["y\r\n" + Armed14 + EditPrompt],
            ["run show configuration commands"] =
            [
                "run show configuration commands\r\nset nat destination rule 10 proto",
                Countdown,
                "col 'tcp'\r\n",
                WriteNotice,
                "set system host-name 'vyos'\r\n[edit]\r\n",
                Countdown,
                "vyos@vyos# ",
                WriteNotice,
            ],
            ["confirm"] = ["confirm\r\nReboot timer stopped\r\n" + Countdown + EditPrompt],
        });
        string? readBack = null;
        var request = new RouterChangeRequest([Set], commitConfirmMinutes: 1)
        {
            ReadBackProblem = text =>
            {
                readBack = text;
                return null;
            },
        };

        var result = await Session(channel, VyosVersion.V1_4).ApplyAsync(request, None);

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Equal("set nat destination rule 10 protocol 'tcp'\nset system host-name 'vyos'", readBack);
    }

    [Fact]
    public async Task A_notice_between_the_edit_line_and_the_prompt_still_ends_the_reply()
    {
        var channel = Router(new() { ["commit"] = ["commit\r\n[edit]\r\n" + WriteNotice + "vyos@vyos# "] });

        var result = await Session(channel, VyosVersion.V1_4).ApplyAsync(new RouterChangeRequest([Set], save: false), None);

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
    }

    [Fact]
    public async Task A_large_reply_in_small_chunks_is_read_whole()
    {
        var lines = Enumerable.Range(0, 20_000).Select(index => $"set nat destination rule {index + 1} description 'rule {index}'").ToList();
        var reply = "show configuration commands\r\n" + string.Join("\r\n", lines) + "\r\n" + OpPrompt;
        var chunks = reply.Chunk(4096).Select(chunk => new string(chunk)).ToArray();
        var channel = new RecordedTextChannel(OpPrompt, new Dictionary<string, string[]> { ["show configuration commands"] = chunks });
        var cli = new VyosCliConversation(channel, TimeSpan.FromSeconds(30), TimeProvider.System);
        await cli.WaitForPromptAsync(None);

        var read = await cli.RunAsync("show configuration commands", None);

        Assert.Equal(string.Join('\n', lines), read.Output);
    }

    private static CancellationToken None => CancellationToken.None;

    private static VyosConfigureSession Session(RecordedTextChannel channel, VyosVersion version) =>
        new(new VyosCliConversation(channel, TimeSpan.FromSeconds(5), TimeProvider.System), version);

    /// <summary>A router answering the usual session lines, with <paramref name="overrides"/> for the ones a test is about.</summary>
    private static RecordedTextChannel Router(Dictionary<string, string[]> overrides)
    {
        var replies = new Dictionary<string, string[]>
        {
            ["set terminal length 0"] = ["set terminal length 0\r\n" + OpPrompt],
            ["configure"] = ["configure\r\n" + EditPrompt],
            [Set] = [Set + "\r\n" + EditPrompt],
            ["compare"] = ["compare\r\n+ " + Set + "\r\n" + EditPrompt],
            ["commit"] = ["commit\r\n" + EditPrompt],
            ["save"] = ["save\r\n" + EditPrompt],
            ["exit discard"] = ["exit discard\r\n" + OpPrompt],
            ["exit"] = ["exit\r\n" + OpPrompt],
        };
        foreach (var (line, reply) in overrides) replies[line] = reply;
        return new RecordedTextChannel(OpPrompt, replies);
    }
}
