using Microsoft.Extensions.Configuration;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Routers;

public sealed class RouterSettingsLoaderTests
{
    // What the host passes in for the local data folder (Infrastructure's LocalDataFolder); Core reads no environment.
    private const string LocalFolder = "/var/lib/natfunctions";

    private static IReadOnlyList<RouterSettings> Load(IConfiguration configuration) => RouterSettingsLoader.Load(configuration, LocalFolder);

    private const string Fingerprint = "n5oo0U8Zk1FGbWtXZ6o/bsWZFSgWUsq1vCWBDsWmD6w";

    [Fact]
    public void No_router_configured_gives_one_simulated_router_named_local()
    {
        var routers = Load(Configuration());

        var local = Assert.Single(routers);
        Assert.Equal("local", local.Name);
        Assert.Equal(RouterTransport.Simulated, local.Transport);
        Assert.Equal(RouterSettingsLoader.DefaultLocalStateDir(LocalFolder), local.StateDir);
        Assert.Equal(Path.Combine(LocalFolder, "routers", "local"), local.StateDir);
    }

    [Fact]
    public void Ssh_router_is_read_with_every_setting_and_defaults_for_the_rest()
    {
        var routers = Load(Configuration(
            ("Routers:edge:Transport", "ssh"),
            ("Routers:edge:Host", "192.0.2.1"),
            ("Routers:edge:Username", "vyos"),
            ("Routers:edge:PrivateKey", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----"),
            ("Routers:edge:HostKeySha256", "SHA256:" + Fingerprint),
            ("Routers:edge:VyosVersion", "1.3"),
            ("Routers:edge:ManagedRules", "20000-20999"),
            ("Routers:edge:DhcpSharedNetwork", "LAN"),
            ("Routers:edge:DhcpSubnet", "192.168.64.0/24"),
            ("Routers:edge:CommitConfirmMinutes", "5"),
            ("Routers:edge:SaveAfterCommit", "false")));

        var edge = Assert.Single(routers);
        Assert.Equal(RouterTransport.Ssh, edge.Transport);
        Assert.Equal(22, edge.Port);
        Assert.Equal(Fingerprint, edge.HostKeySha256);
        Assert.Equal(VyosVersion.V1_3, edge.VyosVersion);
        Assert.Equal(new RuleNumberRange(20000, 20999), edge.ManagedRules);
        Assert.Equal("eth0", edge.InboundInterface);
        Assert.Equal("nf", edge.Marker);
        Assert.Equal(5, edge.CommitConfirmMinutes);
        Assert.False(edge.SaveAfterCommit);
        Assert.DoesNotContain("PRIVATE KEY", edge.ToString(), StringComparison.Ordinal);
        // Below sshd's default MaxSessions 10, and a keep-alive well inside Azure's 4-minute idle timeout.
        Assert.Equal(6, edge.MaxChannels);
        Assert.Equal(30, edge.KeepAliveSeconds);
        Assert.Equal(64, edge.PipelineWindow);
    }

    [Fact]
    public void Channel_budget_and_keep_alive_are_read_from_their_settings()
    {
        var edge = Assert.Single(Load(Configuration(
            ("Routers:edge:Transport", "simulated"),
            ("Routers:edge:StateDir", "/tmp/edge"),
            ("Routers:edge:MaxChannels", "2"),
            ("Routers:edge:KeepAliveSeconds", "0"),
            ("Routers:edge:PipelineWindow", "1"))));

        Assert.Equal(2, edge.MaxChannels);
        Assert.Equal(0, edge.KeepAliveSeconds);
        Assert.Equal(1, edge.PipelineWindow);
    }

    [Fact]
    public void The_commit_timeout_defaults_to_ten_minutes_and_may_not_be_shorter_than_the_command_timeout()
    {
        var defaults = Assert.Single(Load(Configuration()));
        var set = Assert.Single(Load(Configuration(
            ("Routers:local:Transport", "simulated"), ("Routers:local:CommitTimeoutSeconds", "900"))));
        var error = Assert.Throws<RouterSettingsException>(() => Load(Configuration(
            ("Routers:local:Transport", "simulated"), ("Routers:local:CommandTimeoutSeconds", "120"), ("Routers:local:CommitTimeoutSeconds", "60"))));

        Assert.Equal((600, TimeSpan.FromMinutes(10)), (defaults.CommitTimeoutSeconds, defaults.CommitTimeout));
        Assert.Equal(TimeSpan.FromMinutes(15), set.CommitTimeout);
        Assert.Contains(error.Errors, message => message.Contains("CommitTimeoutSeconds must be at least CommandTimeoutSeconds (120)", StringComparison.Ordinal));
    }

    [Fact]
    public void Ssh_router_without_host_credential_or_pin_lists_every_problem()
    {
        var error = Assert.Throws<RouterSettingsException>(() => Load(Configuration(
            ("Routers:edge:Transport", "ssh"),
            ("Routers:edge:Username", "vyos"))));

        Assert.Contains("Routers:edge:Host is required for transport ssh", error.Errors);
        Assert.Contains("Routers:edge: transport ssh needs a credential: PrivateKey (the key text) or Password", error.Errors);
        Assert.Contains(error.Errors, e => e.StartsWith("Routers:edge:HostKeySha256 is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Transport", "telnet", "Routers:r1:Transport 'telnet' is not one of ssh, http-api, simulated")]
    [InlineData("ManagedRules", "0-10", "Routers:r1:ManagedRules '0-10' is outside the VyOS rule numbers 1-999999")]
    [InlineData("ManagedRules", "500-100", "Routers:r1:ManagedRules '500-100' starts after it ends")]
    [InlineData("ManagedRules", "10000", "Routers:r1:ManagedRules '10000' is not a rule range; write it as FIRST-LAST, e.g. 10000-19999")]
    [InlineData("Marker", "NF:x", "Routers:r1:Marker 'NF:x' must be a lower-case letter followed by up to 15 lower-case letters or digits")]
    [InlineData("VyosVersion", "1.2", "Routers:r1:VyosVersion '1.2' must be one of 1.3, 1.4, 1.5")]
    [InlineData("Port", "70000", "Routers:r1:Port must be 1-65535, got 70000")]
    [InlineData("HostKeySha256", "not-a-fingerprint", "Routers:r1:HostKeySha256 'not-a-fingerprint' is not a SHA-256 fingerprint (43 base64 characters, as `ssh-keygen -lf` prints after 'SHA256:')")]
    [InlineData("DhcpSubnet", "192.168.64.0/24", "Routers:r1: DhcpSharedNetwork and DhcpSubnet go together; set both or neither")]
    [InlineData("MaxChannels", "1", "Routers:r1:MaxChannels must be 2-64 (one channel is kept for the configure session), got 1")]
    [InlineData("PipelineWindow", "0", "Routers:r1:PipelineWindow must be 1 (one line per prompt) to 256, got 0")]
    [InlineData("PipelineWindow", "257", "Routers:r1:PipelineWindow must be 1 (one line per prompt) to 256, got 257")]
    [InlineData("KeepAliveSeconds", "240", "Routers:r1:KeepAliveSeconds must be 0 (off) to 239 (Azure drops connections idle for 4 minutes), got 240")]
    [InlineData("SaveAfterCommit", "maybe", "Routers:r1:SaveAfterCommit 'maybe' is not true or false")]
    public void A_bad_value_is_reported_with_its_setting_key(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Routers:r1:Transport"] = "ssh",
            ["Routers:r1:Host"] = "192.0.2.1",
            ["Routers:r1:Username"] = "vyos",
            ["Routers:r1:Password"] = "secret",
            ["Routers:r1:HostKeySha256"] = Fingerprint,
        };
        settings[$"Routers:r1:{key}"] = value;

        var error = Assert.Throws<RouterSettingsException>(() => Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Contains(expected, error.Errors);
    }

    [Fact]
    public void Simulated_router_other_than_local_needs_a_state_dir()
    {
        var error = Assert.Throws<RouterSettingsException>(() => Load(Configuration(("Routers:lab:Transport", "simulated"))));

        Assert.Equal(["Routers:lab:StateDir is required for transport simulated"], error.Errors);
    }

    [Fact]
    public void Routers_come_back_in_name_order()
    {
        var routers = Load(Configuration(
            ("Routers:b:Transport", "simulated"), ("Routers:b:StateDir", "/tmp/b"),
            ("Routers:a:Transport", "simulated"), ("Routers:a:StateDir", "/tmp/a")));

        Assert.Equal(["a", "b"], routers.Select(r => r.Name));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
