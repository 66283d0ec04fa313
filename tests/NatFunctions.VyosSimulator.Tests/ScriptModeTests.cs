
namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// sshd's <c>-c COMMAND</c> form is a non-interactive vbash (docs/vyos-reference.md A3): VyOS commands exist only after
/// <c>source /opt/vyatta/etc/functions/script-template</c>, and op-mode commands only through <c>run</c>.
/// </summary>
public sealed class ScriptModeTests
{
    private const string Template = "source /opt/vyatta/etc/functions/script-template";
    private const string Config = "set system host-name 'vyos'\n";

    [Fact]
    public void An_op_command_without_the_template_is_not_found()
    {
        using var router = new SimulatedRouterState(Config);

        var (output, error, exitCode) = router.RunShell(VyosRelease.V1_4, "show configuration commands");

        Assert.Equal(string.Empty, output);
        Assert.Equal("vbash: line 1: show: command not found\n", error);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void Configure_before_the_template_is_not_found_and_changes_nothing()
    {
        using var router = new SimulatedRouterState(Config);

        var (output, error, _) = router.RunShell(VyosRelease.V1_5, "vbash -s", "configure\nset system time-zone UTC\ncommit\nexit\n");

        Assert.Equal(string.Empty, output);
        Assert.Equal(
            "vbash: line 1: configure: command not found\nvbash: line 2: set: command not found\nvbash: line 3: commit: command not found\n",
            error);
        Assert.Equal(Config, router.ActiveConfig);
    }

    [Fact]
    public void After_the_template_op_commands_need_run()
    {
        using var router = new SimulatedRouterState(Config);

        var bare = router.RunShell(VyosRelease.V1_4, Template + "\nshow configuration commands");
        var withRun = router.RunShell(VyosRelease.V1_4, Template + "\nrun show configuration commands");

        Assert.Equal(string.Empty, bare.Output);
        Assert.Equal("\n  Configuration path: [configuration] is not valid\n\n", bare.Error);
        Assert.Equal(Config, withRun.Output);
        Assert.Equal(string.Empty, withRun.Error);
    }

    [Theory]
    [InlineData("1.3")]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public void A_script_with_the_template_sets_and_commits_with_or_without_configure(string version)
    {
        using var router = new SimulatedRouterState(Config);

        var (output, error, exitCode) = router.RunShell(
            VyosRelease.Parse(version),
            "vbash -s",
            Template + "\nset system time-zone UTC\ncommit\nconfigure\nset system domain-name example.net\ncommit\nexit\nrun show configuration commands\nexit\n");

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exitCode);
        Assert.EndsWith("set system domain-name 'example.net'\nset system host-name 'vyos'\nset system time-zone 'UTC'\n", output, StringComparison.Ordinal);
    }
}
