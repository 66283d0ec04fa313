using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;
using NatFunctions.Infrastructure.Routers;

namespace NatFunctions.IntegrationTests.Ssh;

/// <summary>
/// <c>show version</c> at connect, and refusals that blame the router's setup rather than an object, over replayed
/// VyOS text (the simulator always runs the version its settings name, so it cannot disagree with them).
/// </summary>
public sealed class CliRouterClientVersionTests
{
    private const string OpPrompt = "vyos@vyos:~$ ";
    private const string EditPrompt = "[edit]\r\nvyos@vyos# ";
    private const string MacSet = "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-1 mac '02:00:00:00:00:01'";

    private static string ShowVersion(string version, string train) =>
        $"show version\r\n\r\nVersion:          VyOS {version}\r\nRelease train:    {train}\r\nRelease flavor:   generic\r\n\r\nBuilt by:         autobuild@vyos.net\r\n\r\nHardware S/N:     VMW-1234\r\n\r\nCopyright:        VyOS maintainers and contributors\r\n" + OpPrompt;

    [Fact]
    public async Task A_router_on_another_VyOS_line_gets_no_configure_and_no_command()
    {
        var channel = new RecordedTextChannel(
            OpPrompt,
            new Dictionary<string, string[]>
            {
                ["set terminal length 0"] = ["set terminal length 0\r\n" + OpPrompt],
                ["show version"] = [ShowVersion("1.5-rolling-202409250007", "circinus")],
            });
        var settings = new RouterSettings { Name = "edge", Transport = RouterTransport.Ssh, VyosVersion = VyosVersion.V1_4 };
        using var client = new CliRouterClient(settings, new RecordedChannelOpener(channel), TimeProvider.System);

        var result = await client.ApplyAsync(new RouterChangeRequest(["set nat destination rule 10000 protocol 'tcp'"]), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.RouterMisconfigured, result.Outcome);
        Assert.False(result.MayHaveCommitted);
        Assert.Equal(["set terminal length 0", "show version", "exit"], channel.Sent);
        Assert.Contains("Set Routers:edge:VyosVersion to 1.5", result.Message, StringComparison.Ordinal);
        Assert.Contains("[VyOS 1.5-rolling-202409250007 (release train circinus)]", result.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("VMW-1234", result.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_of_a_router_on_another_line_fails_as_router_misconfigured_and_a_snapshot_still_reads_it()
    {
        Dictionary<string, string[]> Replies() => new()
        {
            ["set terminal length 0"] = ["set terminal length 0\r\n" + OpPrompt],
            ["show version"] = [ShowVersion("1.3.8", "equuleus")],
            ["show configuration commands"] = ["show configuration commands\r\nset interfaces ethernet eth0 address 'dhcp'\r\n" + OpPrompt],
        };
        var settings = new RouterSettings { Name = "edge", Transport = RouterTransport.Ssh, VyosVersion = VyosVersion.V1_4 };
        using var reading = new CliRouterClient(settings, new RecordedChannelOpener(new RecordedTextChannel(OpPrompt, Replies())), TimeProvider.System);
        var snapshotChannel = new RecordedTextChannel(OpPrompt, Replies());
        using var snapshotting = new CliRouterClient(settings, new RecordedChannelOpener(snapshotChannel), TimeProvider.System);

        var failure = await Assert.ThrowsAsync<RouterAccessException>(() => reading.ReadConfigurationCommandsAsync(CancellationToken.None));
        var snapshot = await snapshotting.ReadSnapshotAsync(CancellationToken.None);

        Assert.Equal(RouterAccessFailure.RouterMisconfigured, failure.Failure);
        Assert.Equal(VyosVersion.V1_3, snapshot.Version.Line);
        Assert.Equal("set interfaces ethernet eth0 address 'dhcp'", snapshot.ConfigurationCommands);
        Assert.Equal(["set terminal length 0", "show version", "show configuration commands", "exit"], snapshotChannel.Sent);
    }

    [Fact]
    public async Task A_path_VyOS_does_not_know_is_the_routers_setup_not_the_objects_fault()
    {
        var channel = new RecordedTextChannel(
            OpPrompt,
            new Dictionary<string, string[]>
            {
                ["set terminal length 0"] = ["set terminal length 0\r\n" + OpPrompt],
                ["show version"] = [ShowVersion("1.4.0", "sagitta")],
                ["configure"] = ["configure\r\n" + EditPrompt],
                [MacSet] =
                [
                    MacSet + "\r\n\r\n  Configuration path: [service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-vm-1 mac] is not valid\r\n\r\n  Set failed\r\n\r\n" + EditPrompt,
                ],
                ["exit discard"] = ["exit discard\r\n" + OpPrompt],
            });
        var settings = new RouterSettings { Name = "edge", Transport = RouterTransport.Ssh, VyosVersion = VyosVersion.V1_4 };
        using var client = new CliRouterClient(settings, new RecordedChannelOpener(channel), TimeProvider.System);

        var result = await client.ApplyAsync(new RouterChangeRequest([MacSet]), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.RouterMisconfigured, result.Outcome);
        Assert.Equal(MacSet, result.FailedCommand);
        Assert.Contains("static-mapping nf-vm-1 mac] is not valid", result.Message, StringComparison.Ordinal);
        Assert.Equal(["set terminal length 0", "show version", "configure", MacSet, "exit discard", "exit"], channel.Sent);
    }
}
