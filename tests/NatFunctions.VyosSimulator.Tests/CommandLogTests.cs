using NatFunctions.VyosSimulator;

namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// <c>--command-log FILE</c>: every session appends each command it read, tagged with its own session id, so the load
/// harness can count sessions, <c>set</c>s and commits from what the router really ran.
/// </summary>
public sealed class CommandLogTests
{
    [Fact]
    public void Each_session_logs_its_commands_in_order_under_its_own_id()
    {
        using var router = new SimulatedRouterState("set system host-name 'vyos'\n");
        var log = Path.Combine(router.Directory, "commands.log");
        var options = new ShellOptions { StateDirectory = router.Directory, UserName = "vyos", CommandLogPath = log };

        Run(options, "configure\nset system time-zone UTC\n\ncommit\nexit\nexit\n");
        Run(options, "show configuration commands\nexit\n");

        var lines = File.ReadAllLines(log).Select(line => line.Split('\t')).ToList();
        Assert.All(lines, fields => Assert.Equal(2, fields.Length));
        Assert.Equal(
            ["configure", "set system time-zone UTC", "commit", "exit", "exit", "show configuration commands", "exit"],
            lines.Select(fields => fields[1]));
        Assert.Equal(2, lines.Select(fields => fields[0]).Distinct().Count());
        Assert.Single(lines.Take(5).Select(fields => fields[0]).Distinct());
    }

    [Fact]
    public void Without_the_option_nothing_is_written()
    {
        using var router = new SimulatedRouterState();
        Run(new ShellOptions { StateDirectory = router.Directory, UserName = "vyos" }, "configure\nset system time-zone UTC\nexit discard\nexit\n");

        Assert.Empty(Directory.GetFiles(router.Directory, "*.log", SearchOption.AllDirectories));
    }

    private static void Run(ShellOptions options, string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, new ShellHost(options, new StringReader(input), output, error, TimeProvider.System).Run(CancellationToken.None));
    }
}
