using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// The reply of each typed-ahead line, cut out by counting prompts, in the shapes a terminal produces: the pty's echo
/// of later lines arriving before earlier output (the simulator over sshd), readline's second echo after the prompt
/// (vbash), an echo cut into a prompt, and notices in between.
/// </summary>
public sealed class TypedAheadRepliesTests
{
    private const string A = "set nat destination rule 10 protocol 'tcp'";
    private const string B = "set nat destination rule 10 destination port '70000'";
    private const string C = "set nat destination rule 10 translation port '22'";
    private const string Prompt = "[edit]\nvyos@vyos# ";
    private const string Refusal = "  Error: 70000 is not a valid port\n  Value validation failed\n  Set failed\n";

    // A reply ends where the prompt's line starts: the line break before "[edit]" belongs to the prompt.
    private const string RefusalReply = "  Error: 70000 is not a valid port\n  Value validation failed\n  Set failed";

    [Fact]
    public void Echoes_that_arrived_before_any_output_are_nobody_s_output()
    {
        var text = $"{A}\n{B}\n{C}\n{Prompt}{Refusal}{Prompt}{Prompt}";

        var (replies, rest) = TakeAll(text, [A, B, C]);

        Assert.Equal(["", RefusalReply, ""], replies.Select(reply => reply.Output));
        Assert.All(replies, reply => Assert.Equal(VyosPromptKind.Configuration, reply.Prompt));
        Assert.Equal(string.Empty, rest);
    }

    [Fact]
    public void Readline_s_echo_after_each_prompt_and_the_tty_s_echo_inside_earlier_output_are_both_removed()
    {
        // vbash: A is read and echoed by readline; B and C, typed while A ran, are echoed by the tty in A's output,
        // then again by readline after their prompts.
        var text = $"{A}\nsome output\n{B}\n{C}\nmore output\n{Prompt}{B}\n{Refusal}{Prompt}{C}\n{Prompt}";

        var (replies, _) = TakeAll(text, [A, B, C]);

        Assert.Equal(["some output\nmore output", RefusalReply, ""], replies.Select(reply => reply.Output));
    }

    [Fact]
    public void An_echo_cut_into_the_prompt_before_its_line_break_leaves_the_prompt_whole()
    {
        var text = $"[edit]{C}\n\nvyos@vyos# {Refusal}{Prompt}";

        var first = TypedAheadReplies.TakeFirst(text, B, [B, C])!;
        var second = TypedAheadReplies.TakeFirst(first.Rest, C, [C])!;

        Assert.Equal(string.Empty, first.Reply.Output);
        Assert.Equal(Prompt, first.Prompt);
        Assert.Equal(RefusalReply, second.Reply.Output);
    }

    [Fact]
    public void A_write_notice_between_replies_moves_no_output_to_another_line()
    {
        const string notice = "\nMessage from admin@vyos on pts/9 at 12:00 ...\nActive configuration has been changed by user 'admin' on 'pts/9'.\nPlease make sure you do not have conflicting changes. You can also discard\nthe current changes by issuing 'exit discard'.\nEOF\n";
        var text = $"{A}\n{B}\n{Prompt}  Error: 70000 is no{notice}t a valid port\n  Value validation failed\n  Set failed\n{Prompt}";

        var (replies, _) = TakeAll(text, [A, B]);

        Assert.Equal(["", RefusalReply], replies.Select(reply => reply.Output));
    }

    [Theory]
    [InlineData("")]
    [InlineData(A + "\n")]
    [InlineData(A + "\n[edit]\nvyos@vyos#")]
    [InlineData(A + "\n[edit]\nvyos@vy")]
    public void No_reply_until_its_whole_prompt_is_there(string text)
    {
        Assert.Null(TypedAheadReplies.TakeFirst(text, A, [A, B]));
    }

    [Fact]
    public void Output_after_a_prompt_waits_for_the_next_reply()
    {
        var taken = TypedAheadReplies.TakeFirst($"{A}\n{Prompt}  Error: 70000", A, [A, B])!;

        Assert.Equal(string.Empty, taken.Reply.Output);
        Assert.Equal("  Error: 70000", taken.Rest);
    }

    private static (List<VyosReply> Replies, string Left) TakeAll(string text, string[] typed)
    {
        var replies = new List<VyosReply>();
        var typedAhead = new Queue<string>(typed);
        while (typedAhead.Count > 0)
        {
            var taken = TypedAheadReplies.TakeFirst(text, typedAhead.Peek(), typedAhead) ?? throw new InvalidOperationException($"no reply for '{typedAhead.Peek()}' in: {text}");
            replies.Add(taken.Reply);
            text = taken.Rest;
            typedAhead.Dequeue();
        }

        return (replies, text);
    }
}
