using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;
using NatFunctions.Infrastructure.Routers;
using Renci.SshNet;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// The product's SSH driver against real OpenSSH and the simulator on 1.3, 1.4 and 1.5: exact commit failure texts,
/// commits that print warnings, commit-confirm's two question styles, a command timeout, and sshd's exec form.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class CliRouterClientAcrossVersionsTests(SimulatedVyosSshServer server)
{
    private const string Template = "source /opt/vyatta/etc/functions/script-template";
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly string[] Rule13 =
    [
        "set nat destination rule 10000 destination port '32000'",
        "set nat destination rule 10000 inbound-interface 'eth0'",
        "set nat destination rule 10000 protocol 'tcp'",
        "set nat destination rule 10000 translation address '192.168.64.10'",
        "set nat destination rule 10000 translation port '22'",
    ];

    [Fact]
    public async Task A_1_3_commit_failure_carries_the_exact_text()
    {
        await server.StartRouterAsync("1.3", "set interfaces ethernet eth0 address 'dhcp'\n");
        using var factory = Factory(server.RouterSettings() with { VyosVersion = VyosVersion.V1_3 });
        var router = factory.Get("edge");
        var before = await router.ReadConfigurationCommandsAsync(None);

        var result = await router.ApplyAsync(new RouterChangeRequest(Rule13.Where(line => !line.Contains("translation address", StringComparison.Ordinal)).ToList()), None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal("commit", result.FailedCommand);
        // equuleus: nat.py runs in vyos-configd; explicit_print writes the error without a [ nat ] header
        // (equuleus:src/services/vyos-configd run_script).
        Assert.Equal(
            "Destination NAT configuration error in rule 10000: translation address\nnot specified\n\n[[nat]] failed\nCommit failed",
            result.Message);
        Assert.Equal(before, await router.ReadConfigurationCommandsAsync(None));
    }

    [Fact]
    public async Task A_1_5_change_commits_and_a_later_commit_failure_keeps_it()
    {
        await server.StartRouterAsync("1.5", "set interfaces ethernet eth0 address 'dhcp'\n");
        using var factory = Factory(server.RouterSettings() with { VyosVersion = VyosVersion.V1_5 });
        var router = factory.Get("edge");
        var commands = NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22);

        var committed = await router.ApplyAsync(new RouterChangeRequest(commands), None);
        var failed = await router.ApplyAsync(new RouterChangeRequest(NatRuleCommands.WithoutTranslation(10001, 32001)), None);

        Assert.Equal(RouterSessionOutcome.Committed, committed.Outcome);
        Assert.Equal(RouterSessionOutcome.Rejected, failed.Outcome);
        // circinus: vyshim prints configd's str(e) (no trailing newline) under [ nat ], so no blank line before [[nat]] failed.
        Assert.Equal(
            "[ nat ]\nDestination NAT configuration error in rule 10001: translation requires\naddress and/or port\n[[nat]] failed\nCommit failed",
            failed.Message);
        var configuration = NatRuleCommands.ConfigLines(await router.ReadConfigurationCommandsAsync(None));
        Assert.Equal(["set interfaces ethernet eth0 address 'dhcp'", .. commands], configuration);
    }

    [Theory]
    // sagitta/circinus:python/vyos/base.py BaseWarning.print fills the warning at textwrap's default width 70.
    [InlineData("1.4", "WARNING: Interface \"eth0\" for destination NAT rule \"10000\" does not\nexist!")]
    [InlineData("1.5", "WARNING: Interface \"eth0\" for destination NAT rule \"10000\" does not\nexist!")]
    public async Task A_commit_that_prints_a_warning_is_committed(string version, string warning)
    {
        // No interfaces section: to the router, eth0 does not exist.
        await server.StartRouterAsync(version, "set system host-name 'edge'\n");
        using var factory = Factory(server.RouterSettings() with { VyosVersion = VyosVersion.Parse(version) });
        var router = factory.Get("edge");
        var commands = NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22);

        var result = await router.ApplyAsync(new RouterChangeRequest(commands), None);

        // The terminal's line breaks are \r\n.
        Assert.Contains(warning, result.Transcript.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Null(result.Message);
        var configuration = NatRuleCommands.ConfigLines(await router.ReadConfigurationCommandsAsync(None));
        Assert.Equal([.. commands, "set system host-name 'edge'"], configuration);
    }

    [Fact]
    public async Task Commit_confirm_on_1_3_answers_proceed_confirm_and_confirms()
    {
        await server.StartRouterAsync("1.3", "set interfaces ethernet eth0 address 'dhcp'\nset system config-management commit-revisions '100'\n");
        using var factory = Factory(server.RouterSettings() with { VyosVersion = VyosVersion.V1_3 });
        var router = factory.Get("edge");

        var result = await router.ApplyAsync(new RouterChangeRequest(Rule13, commitConfirmMinutes: 1), None);

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Contains("commit confirm will be automatically reboot in 1 minutes unless confirmed\nProceed? [confirm]", Normalised(result.Transcript), StringComparison.Ordinal);
        Assert.All(Rule13, line => Assert.Contains(line, result.ReadBack!, StringComparison.Ordinal));
        // confirm removed the pending revert: nothing is left for the timer to undo.
        Assert.False(File.Exists(Path.Combine(server.StateDir, "commit-confirm.json")));
    }

    [Fact]
    public async Task Commit_confirm_on_1_5_answers_the_reload_question_and_confirms()
    {
        // VyOS's default commit-revisions: its hook writes the log entry confirm reads (circinus:python/vyos/config_mgmt.py).
        await server.StartRouterAsync("1.5", "set interfaces ethernet eth0 address 'dhcp'\nset system config-management commit-revisions '100'\n");
        using var factory = Factory(server.RouterSettings() with { VyosVersion = VyosVersion.V1_5 });
        var router = factory.Get("edge");
        var commands = NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22);

        var result = await router.ApplyAsync(new RouterChangeRequest(commands, commitConfirmMinutes: 1), None);

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Contains("commit-confirm will automatically reload previous config in 1 minutes", result.Transcript, StringComparison.Ordinal);
        Assert.Contains("Reload timer stopped", result.Transcript, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(server.StateDir, "commit-confirm.json")));
        Assert.All(commands, line => Assert.Contains(line, result.ReadBack!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_commit_slower_than_the_command_timeout_is_still_read_to_its_end_within_the_commit_timeout()
    {
        await server.StartRouterAsync("1.4", "set system host-name 'edge'\n");
        using var factory = Factory(server.RouterSettings() with { CommandTimeoutSeconds = 1, CommitTimeoutSeconds = 20 });
        var router = factory.Get("edge");
        await server.SetFaultsAsync("""{"commitDelayMs": 3000}""");

        var result = await router.ApplyAsync(new RouterChangeRequest(NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22)), None);

        await server.SetFaultsAsync("{}");
        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Contains("set nat destination rule 10000 translation address '192.168.64.10'", await router.ReadConfigurationCommandsAsync(None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_slower_than_the_commit_timeout_is_a_transport_failure_before_anything_changed()
    {
        await server.StartRouterAsync("1.4", "set system host-name 'edge'\n");
        using var factory = Factory(server.RouterSettings() with { CommandTimeoutSeconds = 2, CommitTimeoutSeconds = 2 });
        var router = factory.Get("edge");
        var before = await router.ReadConfigurationCommandsAsync(None);
        // Far longer than the timeout: the simulator applies a commit only after its delay.
        await server.SetFaultsAsync("""{"commitDelayMs": 30000}""");

        var result = await router.ApplyAsync(new RouterChangeRequest(NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22)), None);

        await server.SetFaultsAsync("{}");
        Assert.Equal(RouterSessionOutcome.TransportFailure, result.Outcome);
        Assert.Contains("may or may not be active", result.Message, StringComparison.Ordinal);
        // The commit is still waiting inside the router, so the active config is the old one.
        Assert.Equal(before, await router.ReadConfigurationCommandsAsync(None));
    }

    [Fact]
    public async Task Run_show_configuration_commands_in_configure_mode_shows_the_active_config_only()
    {
        await server.StartRouterAsync("1.4", "set system host-name 'edge'\n");
        using var shell = await OpenRawShellAsync();
        await shell.RunAsync("configure");
        await shell.RunAsync("set system time-zone 'UTC'");

        var active = await shell.RunReadingAsync("run show configuration commands");
        var working = await shell.RunReadingAsync("show system");

        Assert.Contains("set system host-name 'edge'", active, StringComparison.Ordinal);
        Assert.DoesNotContain("time-zone", active, StringComparison.Ordinal);
        Assert.Contains("set system time-zone 'UTC'", working, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exec_form_needs_script_template_and_run_like_a_real_router()
    {
        await server.StartRouterAsync("1.4", "set system host-name 'edge'\n");
        using var client = await ConnectAsync();

        using var bare = client.RunCommand("show configuration commands");
        using var withTemplate = client.RunCommand(Template + "\nrun show configuration commands");

        Assert.Equal(string.Empty, bare.Result);
        Assert.Equal("vbash: line 1: show: command not found\n", bare.Error);
        Assert.Equal("set system host-name 'edge'\n", withTemplate.Result);
        Assert.Equal(string.Empty, withTemplate.Error);
    }

    [Fact]
    public async Task A_vbash_s_script_on_stdin_sets_commits_and_saves()
    {
        await server.StartRouterAsync("1.4", "set system host-name 'edge'\n");
        using var client = await ConnectAsync();
        using var command = client.CreateCommand("vbash -s");

        var execution = command.ExecuteAsync(None);
        using (var input = command.CreateInputStream())
        {
            var script = $"{Template}\nconfigure\nset system time-zone UTC\ncommit\nsave\nexit\nrun show configuration commands\nexit\n";
            await input.WriteAsync(System.Text.Encoding.UTF8.GetBytes(script), None);
        }

        await execution;

        Assert.Equal(string.Empty, command.Error);
        Assert.Equal("set system host-name 'edge'\nset system time-zone 'UTC'\n", command.Result);
        Assert.Contains("set system time-zone 'UTC'", await File.ReadAllTextAsync(Path.Combine(server.StateDir, "saved.config"), None), StringComparison.Ordinal);
    }

    private static string Normalised(string transcript) => transcript.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static RouterClientFactory Factory(RouterSettings settings) =>
        new([settings], NullLoggerFactory.Instance, TimeProvider.System);

    private async Task<SshClient> ConnectAsync()
    {
        var client = new SshClient("127.0.0.1", server.Port, server.UserName, new PrivateKeyFile(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(server.ClientPrivateKey))));
        await client.ConnectAsync(None);
        return client;
    }

    private async Task<RawVyosShell> OpenRawShellAsync()
    {
        var shell = new RawVyosShell(await ConnectAsync());
        await shell.WaitForOperationalPromptAsync();
        return shell;
    }
}
