using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;
using NatFunctions.Infrastructure.Routers;
using NatFunctions.IntegrationTests.Applying;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace NatFunctions.IntegrationTests.HttpApi;

/// <summary>
/// The http-api transport over HTTPS against the simulator's <c>api</c> (decision 0025): provisioning through the
/// real applier, VyOS's refusals with its own text, a success that hid a failed commit (T6326), an answer lost to a
/// timeout that is reconciled by reading back instead of resending, and a certificate that does not match the pin.
/// </summary>
public sealed class HttpApiRouterClientTests
{
    private const string RuleDescription = "set nat destination rule 10000 description 'nf:api-test'";

    private static readonly string[] CompleteRule =
    [
        RuleDescription,
        "set nat destination rule 10000 destination port '32000'",
        "set nat destination rule 10000 inbound-interface name 'eth0'",
        "set nat destination rule 10000 protocol 'tcp'",
        "set nat destination rule 10000 translation address '192.168.64.10'",
        "set nat destination rule 10000 translation port '22'",
    ];

    [Theory]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public async Task Provisioning_applies_over_the_http_api(string version)
    {
        await using var server = await SimulatedVyosApiServer.StartAsync(VyosVersion.Parse(version));
        await using var rig = await ApplierRig.StartAsync(server.RouterSettings(), server.StateDir);

        var outcome = await rig.ProvisionAsync("web-01", "52:54:00:12:34:56", "ssh");

        Assert.Equal(ApplyState.Applied, outcome.State);
        Assert.Contains(await rig.RouterLinesAsync("set nat destination rule 10000 "), line => line.EndsWith("translation port '22'", StringComparison.Ordinal));
        Assert.Contains(await rig.RouterLinesAsync("set service dhcp-server shared-network-name LAN"), line => line.Contains("mac '52:54:00:12:34:56'", StringComparison.Ordinal) || line.Contains("mac-address '52:54:00:12:34:56'", StringComparison.Ordinal));
        Assert.All(await rig.ForwardsAsync(), forward => Assert.Equal(SyncState.Applied, forward.SyncState));
        Assert.Equal(1, server.ConfigureRequests());
    }

    [Fact]
    public async Task The_apps_registration_reaches_the_router_through_its_http_client_factory()
    {
        await using var server = await SimulatedVyosApiServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Routers:edge:Transport"] = "http-api",
            ["Routers:edge:Host"] = "127.0.0.1",
            ["Routers:edge:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Routers:edge:ApiKey"] = SimulatedVyosApiServer.ApiKey,
            ["Routers:edge:CertificateSha256"] = string.Join(':', server.CertificateSha256.Chunk(2).Select(pair => new string(pair))),
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddRouters(configuration).BuildServiceProvider();

        var client = provider.GetRequiredService<IRouterClientFactory>().Get("edge");

        Assert.Equal(RouterProbeStatus.Ok, (await client.ProbeAsync(CancellationToken.None)).Status);
        Assert.Contains($"key '{SimulatedVyosApiServer.ApiKey}'", await client.ReadConfigurationCommandsAsync(CancellationToken.None), StringComparison.Ordinal);
        Assert.NotNull(provider.GetService<IHttpClientFactory>());
    }

    [Fact]
    public async Task A_refused_set_carries_vyos_text_and_nothing_is_committed()
    {
        await using var server = await SimulatedVyosApiServer.StartAsync();
        using var factory = new RouterClientFactory([server.RouterSettings()], NullLoggerFactory.Instance, TimeProvider.System);
        var client = factory.Get("edge");
        var before = await client.ReadConfigurationCommandsAsync(CancellationToken.None);

        var result = await client.ApplyAsync(new RouterChangeRequest([RuleDescription, "set nat destination rule 10000 destination port 'not-a-port'"]), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Contains("Set failed", result.Message, StringComparison.Ordinal);
        Assert.False(result.MayHaveCommitted);
        Assert.Equal(before, await client.ReadConfigurationCommandsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_commit_carries_vyos_text_names_the_commit_and_leaves_nat_as_it_was()
    {
        await using var server = await SimulatedVyosApiServer.StartAsync();
        using var factory = new RouterClientFactory([server.RouterSettings()], NullLoggerFactory.Instance, TimeProvider.System);
        var client = factory.Get("edge");

        // A rule without translation: NAT's verify() refuses the commit (sagitta:src/conf_mode/nat.py).
        var result = await client.ApplyAsync(new RouterChangeRequest([RuleDescription, "set nat destination rule 10000 inbound-interface name 'eth0'"]), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Equal("commit", result.FailedCommand);
        Assert.Contains("translation requires", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nat destination", await client.ReadConfigurationCommandsAsync(CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_that_hid_a_failed_commit_is_caught_by_the_read_back()
    {
        await using var server = await SimulatedVyosApiServer.StartAsync();
        await server.SetFaultsAsync("""{"failCommit": "boom", "swallowCommitFailure": true}""");
        using var factory = new RouterClientFactory([server.RouterSettings()], NullLoggerFactory.Instance, TimeProvider.System);
        var client = factory.Get("edge");

        var result = await client.ApplyAsync(new RouterChangeRequest(CompleteRule), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.Rejected, result.Outcome);
        Assert.Contains("T6326", result.Message, StringComparison.Ordinal);
        Assert.Contains("\"success\":true", result.Transcript, StringComparison.Ordinal);
        Assert.False(result.Saved);
        Assert.DoesNotContain("nat destination", await client.ReadConfigurationCommandsAsync(CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_that_outlasts_the_timeout_is_read_back_as_committed_and_not_sent_twice()
    {
        await using var server = await SimulatedVyosApiServer.StartAsync();
        // The answer is lost after 3 s; the commit lands at 4.5 s, inside the 3 s the client then reads back for.
        await server.SetFaultsAsync("""{"commitDelayMs": 4500}""");
        var router = server.RouterSettings() with { CommandTimeoutSeconds = 3, CommitTimeoutSeconds = 3 };
        using var factory = new RouterClientFactory([router], NullLoggerFactory.Instance, TimeProvider.System);
        var client = factory.Get("edge");

        var result = await client.ApplyAsync(new RouterChangeRequest(CompleteRule), CancellationToken.None);

        Assert.True(result.Outcome == RouterSessionOutcome.Committed, result.Message);
        Assert.Contains("not sent again", result.Message, StringComparison.Ordinal);
        Assert.True(result.Saved);
        Assert.Equal(1, server.ConfigureRequests());
        Assert.Contains(RuleDescription, await client.ReadConfigurationCommandsAsync(CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_does_not_match_the_pin_is_refused_before_the_key_is_sent()
    {
        await using var server = await SimulatedVyosApiServer.StartAsync();
        var router = server.RouterSettings() with { CertificateSha256 = new string('A', 64) };
        using var factory = new RouterClientFactory([router], NullLoggerFactory.Instance, TimeProvider.System);
        var client = factory.Get("edge");

        var result = await client.ApplyAsync(new RouterChangeRequest(CompleteRule), CancellationToken.None);
        var read = await Assert.ThrowsAsync<RouterAccessException>(() => client.ReadConfigurationCommandsAsync(CancellationToken.None));

        Assert.Equal(RouterSessionOutcome.UntrustedHostKey, result.Outcome);
        Assert.Contains(server.CertificateSha256, result.Message, StringComparison.Ordinal);
        Assert.Equal(RouterAccessFailure.UntrustedHostKey, read.Failure);
        Assert.Empty(server.Requests());
        Assert.Equal(RouterProbeStatus.UntrustedHostKey, (await client.ProbeAsync(CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_wrong_key_is_a_transport_failure_that_names_the_setting_and_commits_nothing()
    {
        await using var server = await SimulatedVyosApiServer.StartAsync();
        using var factory = new RouterClientFactory([server.RouterSettings() with { ApiKey = "not-the-key-0000000000" }], NullLoggerFactory.Instance, TimeProvider.System);

        var result = await factory.Get("edge").ApplyAsync(new RouterChangeRequest(CompleteRule), CancellationToken.None);

        Assert.Equal(RouterSessionOutcome.TransportFailure, result.Outcome);
        Assert.Contains("Routers:edge:ApiKey", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.ConfigureRequests());
    }
}
