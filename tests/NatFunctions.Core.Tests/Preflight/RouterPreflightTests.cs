using NatFunctions.Core.Routers;
using NatFunctions.Core.Routers.Preflight;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Preflight;

public sealed class RouterPreflightTests
{
    private static readonly DateTime ReadAt = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    private static readonly RouterSettings Settings = new()
    {
        Name = "edge",
        Transport = RouterTransport.Simulated,
        InboundInterface = "eth0",
        DhcpSharedNetwork = "LAN",
        DhcpSubnet = "192.168.64.0/24",
    };

    private const string Healthy = """
        set interfaces ethernet eth0 address 'dhcp'
        set interfaces ethernet eth1 address '192.168.64.1/24'
        set interfaces ethernet eth1 vif 20 address '10.20.0.1/24'
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 subnet-id '1'
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 range 0 start '192.168.64.100'
        set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 range 0 stop '192.168.64.199'
        set nat destination rule 10000 description 'nf:web-1:ssh'
        set nat destination rule 10000 translation address '192.168.64.10'
        set system config-management commit-revisions '100'
        """;

    private static RunningVyosVersion Running(string version, string train) =>
        RunningVyosVersion.Parse($"Version:          VyOS {version}\nRelease train:    {train}\n");

    private static readonly RunningVyosVersion Sagitta = Running("1.4.0", "sagitta");

    private static PreflightCheck Check(string id, string config, RouterSettings? settings = null, RunningVyosVersion? version = null) =>
        RouterPreflight.Run(settings ?? Settings, version ?? Sagitta, ConfigCommandsParser.Parse(config), ReadAt).Single(check => check.Check == id);

    [Fact]
    public void A_router_set_up_as_its_settings_say_passes_every_check()
    {
        var checks = RouterPreflight.Run(Settings, Sagitta, ConfigCommandsParser.Parse(Healthy), ReadAt);

        Assert.Equal(
            [PreflightCheckIds.Connection, PreflightCheckIds.Version, PreflightCheckIds.InboundInterface, PreflightCheckIds.DhcpSubnet, PreflightCheckIds.CommitConfirm, PreflightCheckIds.ForeignRules, PreflightCheckIds.ForwardFilter],
            checks.Select(check => check.Check));
        Assert.All(checks, check => Assert.Equal(PreflightStatus.Ok, check.Status));
        Assert.All(checks, check => Assert.Null(check.Fix));
    }

    [Fact]
    public void A_version_other_than_the_setting_is_an_error_naming_the_setting_to_change()
    {
        var check = Check(PreflightCheckIds.Version, Healthy, version: Running("1.5-rolling-202409250007", "circinus"));

        Assert.Equal(PreflightStatus.Error, check.Status);
        Assert.Contains("VyOS 1.5", check.Message, StringComparison.Ordinal);
        Assert.Equal("set Routers:edge:VyosVersion to 1.5 and restart the app", check.Fix);
    }

    [Fact]
    public void A_version_that_maps_to_no_known_line_is_a_warning()
    {
        var check = Check(PreflightCheckIds.Version, Healthy, version: Running("2026.01.01-0001-rolling", "current"));

        Assert.Equal(PreflightStatus.Warning, check.Status);
        Assert.Contains("2026.01.01-0001-rolling", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eth1.20", PreflightStatus.Ok)]
    [InlineData("any", PreflightStatus.Ok)]
    [InlineData("eth2", PreflightStatus.Error)]
    [InlineData("eth1.30", PreflightStatus.Error)]
    public void The_inbound_interface_must_be_configured(string name, PreflightStatus expected)
    {
        var check = Check(PreflightCheckIds.InboundInterface, Healthy, Settings with { InboundInterface = name });

        Assert.Equal(expected, check.Status);
        if (expected == PreflightStatus.Error)
        {
            Assert.Contains("eth0, eth1, eth1.20", check.Message, StringComparison.Ordinal);
            Assert.Contains("Routers:edge:InboundInterface", check.Fix, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_qinq_interface_is_named_with_both_vlans()
    {
        var check = Check(PreflightCheckIds.InboundInterface, Healthy + "\nset interfaces ethernet eth3 vif-s 100 vif-c 7 address 'dhcp'", Settings with { InboundInterface = "eth3.100.7" });

        Assert.Equal(PreflightStatus.Ok, check.Status);
    }

    [Fact]
    public void A_missing_shared_network_is_an_error()
    {
        var check = Check(PreflightCheckIds.DhcpSubnet, Healthy, Settings with { DhcpSharedNetwork = "GUESTS" });

        Assert.Equal(PreflightStatus.Error, check.Status);
        Assert.Contains("shared-network-name GUESTS' does not exist", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_subnet_is_an_error_listing_the_subnets_there_are()
    {
        var check = Check(PreflightCheckIds.DhcpSubnet, Healthy, Settings with { DhcpSubnet = "192.168.65.0/24" });

        Assert.Equal(PreflightStatus.Error, check.Status);
        Assert.Contains("(it has: 192.168.64.0/24)", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_1_5_the_subnet_needs_a_subnet_id()
    {
        var withoutId = Healthy.Replace("set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 subnet-id '1'\n", string.Empty, StringComparison.Ordinal);
        var settings = Settings with { VyosVersion = VyosVersion.V1_5 };
        var circinus = Running("1.5-rolling-202409250007", "circinus");

        var missing = Check(PreflightCheckIds.DhcpSubnet, withoutId, settings, circinus);
        var present = Check(PreflightCheckIds.DhcpSubnet, Healthy, settings, circinus);
        var onSagitta = Check(PreflightCheckIds.DhcpSubnet, withoutId);

        Assert.Equal(PreflightStatus.Error, missing.Status);
        Assert.Contains("subnet-id", missing.Fix, StringComparison.Ordinal);
        Assert.Equal(PreflightStatus.Ok, present.Status);
        Assert.Equal(PreflightStatus.Ok, onSagitta.Status);
    }

    [Fact]
    public void A_router_without_managed_dhcp_passes_the_dhcp_check()
    {
        var check = Check(PreflightCheckIds.DhcpSubnet, "set interfaces ethernet eth0 address 'dhcp'", Settings with { DhcpSharedNetwork = null, DhcpSubnet = null });

        Assert.Equal(PreflightStatus.Ok, check.Status);
    }

    [Fact]
    public void Commit_confirm_on_1_3_needs_commit_revisions()
    {
        var settings = Settings with { VyosVersion = VyosVersion.V1_3, CommitConfirmMinutes = 2 };
        var equuleus = Running("1.3.8", "equuleus");

        var without = Check(PreflightCheckIds.CommitConfirm, Healthy.Replace("set system config-management commit-revisions '100'", string.Empty, StringComparison.Ordinal), settings, equuleus);
        var with = Check(PreflightCheckIds.CommitConfirm, Healthy, settings, equuleus);

        Assert.Equal(PreflightStatus.Error, without.Status);
        Assert.Contains("commit-revisions", without.Fix, StringComparison.Ordinal);
        Assert.Equal(PreflightStatus.Warning, with.Status);
        Assert.Contains("rebooting", with.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public void Commit_confirm_on_1_4_and_1_5_without_commit_revisions_cannot_revert(string line)
    {
        var settings = Settings with { VyosVersion = VyosVersion.Parse(line), CommitConfirmMinutes = 2 };
        var withoutRevisions = Healthy.Replace("set system config-management commit-revisions '100'", string.Empty, StringComparison.Ordinal);

        var check = Check(PreflightCheckIds.CommitConfirm, withoutRevisions, settings, line == "1.4" ? Sagitta : Running("1.5-rolling-202409250007", "circinus"));

        Assert.Equal(PreflightStatus.Warning, check.Status);
        Assert.Contains("protects nothing", check.Message, StringComparison.Ordinal);
        Assert.Contains("commit-revisions 100", check.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Commit_confirm_warns_of_the_reboot_unless_the_router_reverts_by_reloading()
    {
        var settings = Settings with { VyosVersion = VyosVersion.V1_5, CommitConfirmMinutes = 2 };
        var circinus = Running("1.5-rolling-202409250007", "circinus");

        var reboot = Check(PreflightCheckIds.CommitConfirm, Healthy, settings, circinus);
        var reload = Check(PreflightCheckIds.CommitConfirm, Healthy + "\nset system config-management commit-confirm action 'reload'", settings, circinus);
        var plain = Check(PreflightCheckIds.CommitConfirm, Healthy, settings with { CommitConfirmMinutes = 0 }, circinus);

        Assert.Equal(PreflightStatus.Warning, reboot.Status);
        Assert.Contains("commit-confirm action reload", reboot.Fix, StringComparison.Ordinal);
        Assert.Equal(PreflightStatus.Ok, reload.Status);
        Assert.Equal(PreflightStatus.Ok, plain.Status);
    }

    [Fact]
    public void Foreign_rules_inside_the_managed_range_are_a_warning_naming_them()
    {
        var check = Check(PreflightCheckIds.ForeignRules, Healthy + """

            set nat destination rule 10005 description 'legacy'
            set nat destination rule 10005 translation address '192.168.64.5'
            set nat destination rule 20 translation address '192.168.64.6'
            """);

        Assert.Equal(PreflightStatus.Warning, check.Status);
        Assert.Contains("1 NAT destination rules inside the managed range 10000-19999 are not the product's (10005)", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forward_filter_that_drops_without_accepting_destination_nat_is_an_error()
    {
        var check = Check(PreflightCheckIds.ForwardFilter, Healthy + """

            set firewall ipv4 forward filter default-action 'drop'
            set firewall ipv4 forward filter rule 10 action 'accept'
            set firewall ipv4 forward filter rule 10 state 'established'
            set firewall ipv4 forward filter rule 10 state 'related'
            set firewall ipv4 forward filter rule 20 action 'accept'
            set firewall ipv4 forward filter rule 20 connection-status nat 'destination'
            set firewall ipv4 forward filter rule 20 disable
            """);

        Assert.Equal(PreflightStatus.Error, check.Status);
        Assert.Contains("rule 10 accepts established connections", check.Message, StringComparison.Ordinal);
        Assert.Contains("connection-status nat destination", check.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("set firewall ipv4 forward filter default-action 'accept'")]
    [InlineData("set firewall ipv4 forward filter default-action 'drop'\nset firewall ipv4 forward filter rule 5 action 'accept'\nset firewall ipv4 forward filter rule 5 connection-status nat 'destination'")]
    public void A_forward_filter_that_lets_destination_nat_through_is_ok(string firewall)
    {
        var check = Check(PreflightCheckIds.ForwardFilter, Healthy + "\n" + firewall);

        Assert.Equal(PreflightStatus.Ok, check.Status);
    }

    [Fact]
    public void The_forward_filter_is_not_judged_on_1_3()
    {
        var settings = Settings with { VyosVersion = VyosVersion.V1_3 };

        var check = Check(PreflightCheckIds.ForwardFilter, Healthy + "\nset firewall ipv4 forward filter default-action 'drop'", settings, Running("1.3.8", "equuleus"));

        Assert.Equal(PreflightStatus.Ok, check.Status);
        Assert.Contains("not checked on VyOS 1.3", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_router_that_could_not_be_read_gets_a_connection_error_with_a_fix()
    {
        var check = RouterPreflight.ConnectionFailed(Settings, RouterAccessFailure.UntrustedHostKey, "host key mismatch");

        Assert.Equal(PreflightCheckIds.Connection, check.Check);
        Assert.Equal(PreflightStatus.Error, check.Status);
        Assert.Contains("HostKeySha256", check.Fix, StringComparison.Ordinal);
        Assert.Equal(PreflightStatus.Error, new RouterPreflightReport("edge", ReadAt, [check]).Status);
    }

    [Fact]
    public void An_http_api_router_whose_certificate_or_key_fails_gets_the_fix_for_its_transport()
    {
        var router = Settings with { Transport = RouterTransport.HttpApi };

        var certificate = RouterPreflight.ConnectionFailed(router, RouterAccessFailure.UntrustedHostKey, "certificate mismatch");
        var unreachable = RouterPreflight.ConnectionFailed(router, RouterAccessFailure.Unreachable, "HTTP 401");

        Assert.Contains("Routers:edge:CertificateSha256", certificate.Fix, StringComparison.Ordinal);
        Assert.Contains("ApiKey", unreachable.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("service ssh", unreachable.Fix, StringComparison.Ordinal);
    }
}
