using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using NatFunctions.Core.Routers;
using NatFunctions.Infrastructure.Routers;
using Renci.SshNet;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// The product's SSH driver, <see cref="CliRouterClient"/> on the ssh transport, against real OpenSSH with the VyOS
/// simulator as the login shell.
/// </summary>
[Collection(SshServerCollection.Name)]
public sealed class CliRouterClientTests(SimulatedVyosSshServer server)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Probe_connects_and_reads_the_configuration()
    {
        await server.StartRouterAsync("1.4", "set system host-name 'edge'\n");
        using var factory = Factory(server.RouterSettings());

        var probe = await factory.Get("edge").ProbeAsync(None);
        var configuration = await factory.Get("edge").ReadConfigurationCommandsAsync(None);

        Assert.Equal(RouterProbeStatus.Ok, probe.Status);
        Assert.Equal("set system host-name 'edge'", configuration);
    }

    [Fact]
    public async Task A_change_is_committed_saved_and_shown_by_show_configuration_commands()
    {
        await server.StartRouterAsync("1.4", "set system host-name 'edge'\n");
        using var factory = Factory(server.RouterSettings());
        var router = factory.Get("edge");
        var commands = NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22);

        var result = await router.ApplyAsync(new RouterChangeRequest(commands), None);
        var configuration = NatRuleCommands.ConfigLines(await router.ReadConfigurationCommandsAsync(None));

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.True(result.Saved);
        Assert.Null(result.Message);
        Assert.Equal([.. commands, "set system host-name 'edge'"], configuration);
        Assert.Contains("commit", result.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_the_same_change_again_is_no_change()
    {
        await server.StartRouterAsync("1.4");
        using var factory = Factory(server.RouterSettings());
        var request = new RouterChangeRequest(NatRuleCommands.PortForward(10001, 32001, "192.168.64.11", 22));

        var first = await factory.Get("edge").ApplyAsync(request, None);
        var second = await factory.Get("edge").ApplyAsync(request, None);

        Assert.Equal(RouterSessionOutcome.Committed, first.Outcome);
        Assert.Equal(RouterSessionOutcome.NoChange, second.Outcome);
    }

    [Fact]
    public async Task An_invalid_value_is_rejected_with_the_VyOS_text_and_the_router_is_unchanged()
    {
        await server.StartRouterAsync("1.4", "set system host-name 'edge'\n");
        using var factory = Factory(server.RouterSettings());
        var router = factory.Get("edge");
        var before = await router.ReadConfigurationCommandsAsync(None);

        var result = await router.ApplyAsync(
            new RouterChangeRequest(["set nat destination rule 10000 protocol 'tcp'", "set nat destination rule 10000 destination port '55-23'"]),
            None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal("set nat destination rule 10000 destination port '55-23'", result.FailedCommand);
        Assert.Equal("  Error: 55-23 is not a valid port range\n\n\n\n  Invalid value\n  Value validation failed\n  Set failed", result.Message);
        Assert.Contains("exit discard", result.Transcript, StringComparison.Ordinal);
        Assert.Equal(before, await router.ReadConfigurationCommandsAsync(None));
    }

    [Fact]
    public async Task An_invalid_path_is_router_misconfigured_with_the_bracketed_component()
    {
        await server.StartRouterAsync("1.4");
        using var factory = Factory(server.RouterSettings());

        var result = await factory.Get("edge").ApplyAsync(new RouterChangeRequest(["set nat destination rule 10000 foo 'bar'"]), None);

        // The product writes only paths of its model of the router's version: one VyOS lacks is the setup's fault, not an object's (decision 0020).
        Assert.Equal(RouterSessionOutcome.RouterMisconfigured, result.Outcome);
        Assert.EndsWith("  Configuration path: nat destination rule 10000 [foo] is not valid\n  Set failed", result.Message, StringComparison.Ordinal);
        Assert.Equal("set nat destination rule 10000 foo 'bar'", result.FailedCommand);
    }

    [Fact]
    public async Task A_commit_failure_is_rejected_with_the_exact_text_and_the_router_is_unchanged()
    {
        // eth0 is configured so nat.py prints no missing-interface warning before its error.
        await server.StartRouterAsync("1.4", "set interfaces ethernet eth0 address 'dhcp'\nset system host-name 'edge'\n");
        using var factory = Factory(server.RouterSettings());
        var router = factory.Get("edge");
        var before = await router.ReadConfigurationCommandsAsync(None);

        var result = await router.ApplyAsync(new RouterChangeRequest(NatRuleCommands.WithoutTranslation(10000, 32000)), None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal("commit", result.FailedCommand);
        Assert.Equal(
            "Destination NAT configuration error in rule 10000: translation requires\naddress and/or port\n\n[[nat]] failed\nCommit failed",
            result.Message);
        Assert.Equal(before, await router.ReadConfigurationCommandsAsync(None));
    }

    [Fact]
    public async Task A_1_3_commit_failure_carries_the_1_3_framing()
    {
        await server.StartRouterAsync("1.3");
        using var factory = Factory(server.RouterSettings() with { VyosVersion = Core.Vyos.VyosVersion.V1_3 });

        var result = await factory.Get("edge").ApplyAsync(
            new RouterChangeRequest(["set nat destination rule 10000 destination port '32000'", "set nat destination rule 10000 inbound-interface 'eth0'", "set nat destination rule 10000 protocol 'tcp'"]),
            None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal("commit", result.FailedCommand);
        // equuleus: nat.py runs in vyos-configd, which prints the warning and then "\n{error}\n\n" with no [ nat ] header
        // (equuleus:src/conf_mode/nat.py verify(), equuleus:src/services/vyos-configd explicit_print).
        Assert.Equal(
            "WARNING: rule \"10000\" interface \"eth0\" does not exist on this system\n\nDestination NAT configuration error in rule 10000: translation address\nnot specified\n\n[[nat]] failed\nCommit failed",
            result.Message);
    }

    [Fact]
    public async Task A_commit_while_another_session_holds_the_commit_lock_is_lock_busy()
    {
        await server.StartRouterAsync("1.4");
        await server.SetFaultsAsync("""{"commitDelayMs": 15000}""");
        using var holder = await OpenRawShellAsync();
        await holder.RunAsync("configure");
        foreach (var command in NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22))
        {
            await holder.RunAsync(command);
        }

        holder.Send("commit");
        // The simulator reads faults before every command; later commits should not wait, only this one holds the lock.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await server.SetFaultsAsync("{}");
        using var factory = Factory(server.RouterSettings());

        var result = await factory.Get("edge").ApplyAsync(new RouterChangeRequest(NatRuleCommands.PortForward(10001, 32001, "192.168.64.11", 22)), None);

        Assert.Equal(RouterSessionOutcome.LockBusy, result.Outcome);
        Assert.Equal("Configuration system temporarily locked due to another commit in progress", result.Message);
        await holder.WaitForConfigurationPromptAsync();
        var configuration = await factory.Get("edge").ReadConfigurationCommandsAsync(None);
        Assert.Contains("set nat destination rule 10000 protocol 'tcp'", configuration, StringComparison.Ordinal);
        Assert.DoesNotContain("rule 10001", configuration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_dropped_before_commit_is_a_transport_failure_and_the_router_keeps_its_config()
    {
        await server.StartRouterAsync("1.4", "set system host-name 'edge'\n");
        using var factory = Factory(server.RouterSettings());
        var router = factory.Get("edge");
        var before = await router.ReadConfigurationCommandsAsync(None);
        // set terminal length 0, configure, then two of the rule's six set commands.
        await server.SetFaultsAsync("""{"dropAfterCommands": 4}""");

        var result = await router.ApplyAsync(new RouterChangeRequest(NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22)), None);

        await server.SetFaultsAsync("{}");
        Assert.Equal(RouterSessionOutcome.TransportFailure, result.Outcome);
        Assert.Contains("closed the session", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await router.ReadConfigurationCommandsAsync(None));
    }

    [Fact]
    public async Task A_connection_dropped_during_commit_is_a_transport_failure_that_says_the_state_is_unknown()
    {
        await server.StartRouterAsync("1.4");
        using var factory = Factory(server.RouterSettings());
        var router = factory.Get("edge");
        await server.SetFaultsAsync("""{"dropAfterCommit": true}""");

        var result = await router.ApplyAsync(new RouterChangeRequest(NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22)), None);

        await server.SetFaultsAsync("{}");
        Assert.Equal(RouterSessionOutcome.TransportFailure, result.Outcome);
        Assert.Contains("may or may not be active", result.Message, StringComparison.Ordinal);
        Assert.Contains("set nat destination rule 10000 protocol 'tcp'", await router.ReadConfigurationCommandsAsync(None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_key_that_does_not_match_the_pin_is_refused_before_login()
    {
        await server.StartRouterAsync("1.4");
        var wrongPin = Convert.ToBase64String(SHA256.HashData("another host"u8)).TrimEnd('=');
        using var factory = Factory(server.RouterSettings() with { HostKeySha256 = wrongPin });
        var loginsBefore = server.AcceptedLogins();

        var result = await factory.Get("edge").ApplyAsync(new RouterChangeRequest(NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22)), None);
        var probe = await factory.Get("edge").ProbeAsync(None);

        Assert.Equal(RouterSessionOutcome.UntrustedHostKey, result.Outcome);
        Assert.Contains($"SHA256:{server.HostKeySha256}", result.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Transcript);
        Assert.Equal(RouterProbeStatus.UntrustedHostKey, probe.Status);
        Assert.Equal(loginsBefore, server.AcceptedLogins());
    }

    [Fact]
    public async Task Password_authentication_works_without_a_key()
    {
        await server.StartRouterAsync("1.4");
        using var factory = Factory(server.RouterSettings() with { PrivateKey = null, Password = SimulatedVyosSshServer.UserPassword });

        var result = await factory.Get("edge").ApplyAsync(new RouterChangeRequest(NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22)), None);

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Contains(File.ReadAllLines(server.LogPath), line => line.Contains($"Accepted password for {server.UserName} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sessions_of_one_router_share_one_SSH_connection()
    {
        await server.StartRouterAsync("1.4");
        using var factory = Factory(server.RouterSettings());
        var router = factory.Get("edge");
        var loginsBefore = server.AcceptedLogins();

        await router.ApplyAsync(new RouterChangeRequest(NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22)), None);
        await router.ApplyAsync(new RouterChangeRequest(NatRuleCommands.PortForward(10001, 32001, "192.168.64.11", 22)), None);
        await router.ReadConfigurationCommandsAsync(None);

        Assert.Equal(loginsBefore + 1, server.AcceptedLogins());
    }

    [Fact]
    public async Task A_connection_the_server_dropped_is_re_established_for_the_next_session()
    {
        await server.StartRouterAsync("1.4");
        using var factory = Factory(server.RouterSettings());
        var router = factory.Get("edge");
        await router.ReadConfigurationCommandsAsync(None);
        var loginsBefore = server.AcceptedLogins();

        await server.DropConnectionsAsync();
        var result = await router.ApplyAsync(new RouterChangeRequest(NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22)), None);

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Equal(loginsBefore + 1, server.AcceptedLogins());
    }

    [Fact]
    public async Task Commit_confirm_reads_back_and_confirms_so_the_change_survives_the_timer()
    {
        // A simulated minute long enough for the session to confirm even on a loaded machine.
        await server.StartRouterAsync("1.4", extraArguments: "--minute-ms 4000");
        using var factory = Factory(server.RouterSettings());
        var router = factory.Get("edge");
        var commands = NatRuleCommands.PortForward(10000, 32000, "192.168.64.10", 22);

        var result = await router.ApplyAsync(new RouterChangeRequest(commands, commitConfirmMinutes: 1), None);
        // Past the one-minute deadline: an unconfirmed commit is reverted by the next command (the read below).
        await Task.Delay(TimeSpan.FromMilliseconds(4500));

        Assert.Equal(RouterSessionOutcome.Committed, result.Outcome);
        Assert.Equal(commands, NatRuleCommands.ConfigLines(result.ReadBack!));
        Assert.Contains("confirm", result.Transcript, StringComparison.Ordinal);
        Assert.Equal(commands, NatRuleCommands.ConfigLines(await router.ReadConfigurationCommandsAsync(None)));
    }

    private static RouterClientFactory Factory(RouterSettings settings) =>
        new([settings], NullLoggerFactory.Instance, TimeProvider.System);

    private async Task<RawVyosShell> OpenRawShellAsync()
    {
        var client = new SshClient("127.0.0.1", server.Port, server.UserName, new PrivateKeyFile(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(server.ClientPrivateKey))));
        await client.ConnectAsync(None);
        var shell = new RawVyosShell(client);
        await shell.WaitForOperationalPromptAsync();
        return shell;
    }
}
