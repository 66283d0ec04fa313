namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// Session behaviour outside commit-confirm: <c>show version</c> (equuleus src/op_mode/show_version.py, sagitta
/// src/op_mode/version.py), <c>save</c> (vyatta-cfg-run vyatta_config_save, sagitta src/helpers/vyos-save-config.py),
/// and the <c>write</c> notice vyatta-cfg scripts/vyatta-cfg-notify sends to other configuration sessions.
/// </summary>
public sealed class SessionBehaviourTests
{
    private const string Config = "set system host-name 'vyos'\n";

    [Theory]
    [InlineData("1.3", "\nVersion:          VyOS 1.3.8\nRelease train:    equuleus\n\nBuilt by:")]
    [InlineData("1.4", "Version:          VyOS 1.4.0\nRelease train:    sagitta\nRelease flavor:   generic\n\nBuilt by:")]
    [InlineData("1.5", "Version:          VyOS 1.5-stream-2025-Q1\nRelease train:    circinus\nRelease flavor:   generic\n\nBuilt by:")]
    public void Show_version_prints_the_version_template_of_the_release(string version, string start)
    {
        using var router = new SimulatedRouterState(Config);
        var printed = router.Open(VyosRelease.Parse(version)).Run("show version");

        Assert.StartsWith(start, printed, StringComparison.Ordinal);
        Assert.EndsWith("Copyright:        VyOS maintainers and contributors\n", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_save_on_1_4_is_a_python_traceback_and_keeps_the_saved_config()
    {
        using var router = new SimulatedRouterState(Config);
        File.WriteAllText(Path.Combine(router.Directory, "faults.json"), """{"failSave": "OSError: [Errno 28] No space left on device"}""");
        var console = router.Open(VyosRelease.V1_4);
        console.RunAll("configure", "set system time-zone UTC", "commit");

        Assert.Equal(
            "Traceback (most recent call last):\n  File \"/usr/libexec/vyos/vyos-save-config.py\", line 54, in <module>\n    with open(write_file, 'w') as f:\nOSError: [Errno 28] No space left on device\n",
            console.Run("save"));
        Assert.Equal(Config, router.SavedConfig);
    }

    [Fact]
    public void The_fail_commit_fault_is_framed_as_a_failure_of_the_changed_owner()
    {
        using var router = new SimulatedRouterState(Config);
        File.WriteAllText(Path.Combine(router.Directory, "faults.json"), """{"failCommit": "Injected DHCP failure"}""");
        var console = router.Open(VyosRelease.V1_4);
        console.RunAll("configure", "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 range 0 start 192.168.64.10");

        Assert.Equal("\nInjected DHCP failure\n\n[[service dhcp-server]] failed\nCommit failed\n", console.Run("commit"));
        Assert.Equal(Config, router.ActiveConfig);
    }

    [Fact]
    public void Save_with_uncommitted_changes_warns_with_a_blank_line_after()
    {
        using var router = new SimulatedRouterState(Config);
        var console = router.Open(VyosRelease.V1_4);
        console.RunAll("configure", "set system time-zone UTC");

        Assert.Equal("Warning: you have uncommitted changes that will not be saved.\n\n", console.Run("save"));
    }

    [Fact]
    public void A_commit_sends_a_write_notice_to_the_other_configuration_sessions_only()
    {
        using var router = new SimulatedRouterState(Config);
        var committer = router.Open(VyosRelease.V1_4);
        var otherInConfig = router.Open(VyosRelease.V1_4);
        var otherInOpMode = router.Open(VyosRelease.V1_4);
        otherInConfig.Run("configure");
        otherInOpMode.Run("show version");
        committer.RunAll("configure", "set system time-zone UTC");

        Assert.Equal(string.Empty, committer.Run("commit"));

        var notice = otherInConfig.Run("show system");
        Assert.StartsWith("\r\n\a\a\aMessage from vyos@vyos (as root) on pts/0 at ", notice, StringComparison.Ordinal);
        Assert.Contains(
            " ...\r\nActive configuration has been changed by user 'vyos' on 'pts/0'.\r\nPlease make sure you do not have conflicting changes. You can also discard\r\nthe current changes by issuing 'exit discard'.\r\nEOF\r\n",
            notice,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Message from", otherInOpMode.Run("show version"), StringComparison.Ordinal);
        Assert.DoesNotContain("Message from", committer.Run("show"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_write_notice_fault_lands_in_the_middle_of_a_commands_output()
    {
        using var router = new SimulatedRouterState("set system host-name 'vyos'\nset system time-zone 'UTC'\n");
        File.WriteAllText(Path.Combine(router.Directory, "faults.json"), """{"writeNoticeAtCommands": [1]}""");

        var (output, _, exitCode) = router.RunInteractive(VyosRelease.V1_4, "show configuration commands\n");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("vyos@vyos:~$ set system host-name 'vyos'\r\n\a\a\aMessage from admin@vyos (as root) on pts/9 at ", output, StringComparison.Ordinal);
        Assert.Contains("EOF\r\n\nset system time-zone 'UTC'\nvyos@vyos:~$ ", output, StringComparison.Ordinal);
    }
}
