using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;
using NatFunctions.LoadTests;
using NatFunctions.IntegrationTests.Faults;
using Xunit.Abstractions;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// Configure sessions that type their lines ahead (decision 0023), over real sshd and its pty with the simulator as
/// the login shell.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class VyosConfigureSessionPipelinedTests(SimulatedVyosSshServer server, ITestOutputHelper output)
{
    private const string RefusedPort = "70000";

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(29)]
    public async Task A_value_refused_in_the_middle_of_a_typed_ahead_batch_is_blamed_on_its_line_and_nothing_is_committed(int refusedIndex)
    {
        await using var rig = await SshApplierRig.StartAsync(server, pipelineWindow: 64);
        var before = await rig.RouterLinesAsync("set ");
        var commands = FiveForwardsWithRefusedPortAt(refusedIndex);

        var result = await rig.Client.ApplyAsync(RouterChangeRequest.For(rig.Router, commands), CancellationToken.None);

        Assert.Equal(64, rig.Router.PipelineWindow);
        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal(commands[refusedIndex], result.FailedCommand);
        Assert.Contains("Set failed", result.Message, StringComparison.Ordinal);
        Assert.Contains(RefusedPort, result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await rig.RouterLinesAsync("set "));
        // Typed ahead: the last line went out before the refusal came back, and the session still ended unsaved.
        Assert.Contains(commands[^1], result.Transcript, StringComparison.Ordinal);
        Assert.Contains("exit discard", result.Transcript, StringComparison.Ordinal);
        Assert.False(result.MayHaveCommitted);
    }

    /// <summary>
    /// The burst shape (100 VMs, 200 forwards, 1,200 lines). With the pty's echo on, the kernel flushed the echo of
    /// typed-ahead lines in pieces between the shell's writes under load (<c>set n[edit]…# at destination rule …</c>),
    /// a prompt was missed and the session waited for one that never came. The pty is now asked for without echo, so
    /// each line is in the transcript once, where we typed it, and never again as an echo.
    /// </summary>
    [Fact]
    public async Task A_burst_sized_batch_typed_ahead_is_committed_and_the_pty_echoes_nothing()
    {
        await using var rig = await SshApplierRig.StartAsync(server, pipelineWindow: 64);
        var commands = Enumerable.Range(0, 200).SelectMany(rule => NatRuleCommands.PortForward(10000 + rule, 32000 + rule, "192.168.64.10", 22)).ToArray();

        var result = await rig.Client.ApplyAsync(RouterChangeRequest.For(rig.Router, commands), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Equal(commands.Length, (await rig.RouterLinesAsync("set nat ")).Length);
        Assert.All(commands, command => Assert.Equal(1, Occurrences(result.Transcript, command + "\n")));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [Fact]
    public async Task Write_notices_in_the_middle_of_a_typed_ahead_batch_move_no_output_to_another_line()
    {
        await using var rig = await SshApplierRig.StartAsync(server, pipelineWindow: 64);
        await rig.RouterLinesAsync("set ");
        // Session commands: 1 `set terminal length 0`, 2 `configure`, 3-32 the batch (the version was read at connect).
        await server.SetFaultsAsync("""{"writeNoticeAtCommands": [3, 10, 18, 19, 20, 31]}""");
        var refused = FiveForwardsWithRefusedPortAt(17);
        var accepted = FiveForwardsWithRefusedPortAt(-1);

        var refusal = await rig.Client.ApplyAsync(RouterChangeRequest.For(rig.Router, refused), CancellationToken.None);
        var commit = await rig.Client.ApplyAsync(RouterChangeRequest.For(rig.Router, accepted), CancellationToken.None);
        await server.SetFaultsAsync("{}");

        Assert.Equal(RouterSessionOutcome.Rejected, refusal.Outcome);
        Assert.Equal(refused[17], refusal.FailedCommand);
        Assert.DoesNotContain("Active configuration", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Active configuration has been changed", refusal.Transcript, StringComparison.Ordinal);
        Assert.Equal(RouterSessionOutcome.Committed, commit.Outcome);
        Assert.Equal([.. accepted.Order(StringComparer.Ordinal)], (await rig.RouterLinesAsync("set nat ")).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// 204 lines to a router 60 ms away whose every set costs 5 ms (the simulator adds its own few milliseconds): one
    /// line per prompt pays a round trip per line, typed ahead only the router's own time. Each router is fresh, so
    /// both sessions commit the same change.
    /// </summary>
    [Fact]
    public async Task A_typed_ahead_batch_over_a_distant_link_pays_round_trips_per_window_not_per_line()
    {
        await using var relay = new DelayingTcpRelay(server.Port, TimeSpan.FromMilliseconds(30));
        var commands = Enumerable.Range(0, 34).SelectMany(rule => NatRuleCommands.PortForward(10000 + rule, 32000 + rule, "192.168.64.10", 22)).ToArray();

        var oneAtATime = await TimeSessionAsync(relay, commands, window: 1);
        var typedAhead = await TimeSessionAsync(relay, commands, window: 64);

        output.WriteLine($"{commands.Length} lines, 60 ms RTT, 5 ms per set: one per prompt {oneAtATime.TotalMilliseconds:0} ms, typed ahead {typedAhead.TotalMilliseconds:0} ms");
        // One per prompt cannot beat a round trip per line; typed ahead pays far fewer than one per line: even with
        // the router's time counted, it takes less than half the round trips alone of one line per prompt.
        var roundTripPerLine = TimeSpan.FromMilliseconds(commands.Length * 60);
        Assert.True(oneAtATime >= roundTripPerLine, $"one per prompt took {oneAtATime.TotalMilliseconds:0} ms");
        Assert.True(typedAhead * 2 < roundTripPerLine, $"typed ahead {typedAhead.TotalMilliseconds:0} ms, one per prompt {oneAtATime.TotalMilliseconds:0} ms");
    }

    private async Task<TimeSpan> TimeSessionAsync(DelayingTcpRelay relay, IReadOnlyList<string> commands, int window)
    {
        await server.StartRouterAsync("1.4");
        await server.SetFaultsAsync("""{"commandDelayMs": 5}""");
        var settings = server.RouterSettings() with { Port = relay.Port, PipelineWindow = window };
        using var factory = new RouterClientFactory([settings], NullLoggerFactory.Instance, TimeProvider.System);
        var router = factory.Get(settings.Name);
        // The connection and its version are read first, so only the session is timed.
        await router.ReadConfigurationCommandsAsync(CancellationToken.None);

        var watch = Stopwatch.StartNew();
        var result = await router.ApplyAsync(new RouterChangeRequest(commands, save: false), CancellationToken.None);
        watch.Stop();

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Equal(commands.Count, NatRuleCommands.ConfigLines(await router.ReadConfigurationCommandsAsync(CancellationToken.None)).Length);
        return watch.Elapsed;
    }

    /// <summary>Five port forwards (30 lines); the line at <paramref name="refusedIndex"/> (none when negative) gets a port VyOS refuses.</summary>
    private static string[] FiveForwardsWithRefusedPortAt(int refusedIndex)
    {
        var commands = Enumerable.Range(0, 5).SelectMany(rule => NatRuleCommands.PortForward(10000 + rule, 32000 + rule, "192.168.64.10", 22)).ToArray();
        if (refusedIndex >= 0)
        {
            var words = commands[refusedIndex].Split(' ');
            commands[refusedIndex] = $"{string.Join(' ', words[..5])} destination port '{RefusedPort}'";
        }

        return commands;
    }
}
