using NatFunctions.Core.Domain;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Results;

namespace NatFunctions.Core.Tests.Provisioning;

public sealed class ProvisionValidatorTests
{
    public static TheoryData<string> HostileStrings => new()
    {
        "it's",
        "say \"hi\"",
        "back\\slash",
        "a; reboot",
        "$(reboot)",
        "`reboot`",
        "line\nbreak",
        "tab\there",
        "nul\0byte",
        "ｒｅｂｏｏｔ",
        "paragraph\u2029sep",
        "zero\u200bwidth",
        new string('a', 100_000),
    };

    [Fact]
    public void A_minimal_request_gets_the_three_template_forwards_over_tcp()
    {
        var result = ProvisionValidator.Validate(Input("web-01"));

        Assert.True(result.Succeeded);
        Assert.Equal(
            [("ssh", 22), ("http", 80), ("https", 443)],
            result.Value!.Forwards.Select(f => (f.PortName, f.InternalPort)).ToArray());
        Assert.All(result.Value.Forwards, f => Assert.Equal(ForwardProtocol.Tcp, f.Protocol));
    }

    [Fact]
    public void Defaults_apply_to_every_forward_and_custom_forwards_can_override_them()
    {
        var input = Input("db-01") with
        {
            Ports = ["ssh"],
            Protocol = "tcp_udp",
            SourceIp = "203.0.113.0/24",
            CustomDescription = "team db",
            Forwards = [new ForwardInput("pg", 5432, "tcp", null, "198.51.100.7", null)],
        };

        var forwards = ProvisionValidator.Validate(input).Value!.Forwards;

        Assert.Equal(new ForwardSpec("ssh", ForwardProtocol.TcpUdp, 22, null, "203.0.113.0/24", "team db"), forwards[0]);
        Assert.Equal(new ForwardSpec("pg", ForwardProtocol.Tcp, 5432, null, "198.51.100.7", "team db"), forwards[1]);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var input = new ProvisionVmInput(
            "Web_01", "zz:zz", "Router!", "pool name", ["ssh", "telnet", "ssh"],
            [new ForwardInput("Bad Name", null, "icmp", 70000, "10.0.0.1/8", "ok")], "sctp", "any", "bad;desc", null);

        var error = ProvisionValidator.Validate(input).Error!;

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equivalent(
            new[]
            {
                "vm_name", "mac_address", "router", "ip_pool", "ports[1]", "ports[2]", "protocol", "source_ip", "custom_description",
                "forwards[0].port_name", "forwards[0].internal_port", "forwards[0].external_port", "forwards[0].protocol", "forwards[0].source_ip",
            },
            error.FieldErrors!.Keys.ToArray());
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Hostile_strings_are_refused_in_every_text_field(string hostile)
    {
        foreach (var input in new[]
        {
            Input(hostile),
            Input("vm") with { MacAddress = hostile },
            Input("vm") with { Router = hostile },
            Input("vm") with { IpPool = hostile },
            Input("vm") with { Ports = [hostile] },
            Input("vm") with { Protocol = hostile },
            Input("vm") with { SourceIp = hostile },
            Input("vm") with { CustomDescription = hostile },
            Input("vm") with { Forwards = [new ForwardInput(hostile, 8080, null, null, null, null)] },
            Input("vm") with { Forwards = [new ForwardInput("app", 8080, hostile, null, null, null)] },
            Input("vm") with { Forwards = [new ForwardInput("app", 8080, null, null, hostile, null)] },
            Input("vm") with { Forwards = [new ForwardInput("app", 8080, null, null, null, hostile)] },
        })
        {
            Assert.False(ProvisionValidator.Validate(input).Succeeded);
        }
    }

    [Fact]
    public void Two_forwards_asking_for_one_external_port_are_refused()
    {
        var input = Input("vm") with
        {
            Ports = [],
            Forwards = [new ForwardInput("a", 80, null, 32000, null, null), new ForwardInput("b", 81, null, 32000, null, null)],
        };

        Assert.Contains("forwards", ProvisionValidator.Validate(input).Error!.FieldErrors!.Keys);
    }

    [Fact]
    public void A_custom_forward_may_not_reuse_a_template_name_of_the_same_request()
    {
        var input = Input("vm") with { Forwards = [new ForwardInput("ssh", 2222, null, null, null, null)] };

        Assert.Contains("forwards[0].port_name", ProvisionValidator.Validate(input).Error!.FieldErrors!.Keys);
    }

    [Theory]
    [InlineData("update", null)]
    [InlineData("explode", "ssh")]
    public void Port_actions_are_checked_per_endpoint(string action, string? portName)
    {
        var result = PortActionValidator.Validate(new PortActionInput(action, null, null, null, null, null, null), portName);

        Assert.Contains("action", result.Error!.FieldErrors!.Keys);
    }

    [Fact]
    public void An_update_must_change_something_and_cannot_move_the_external_port()
    {
        var empty = PortActionValidator.Validate(new PortActionInput("update", null, null, null, null, null, null), "app");
        var move = PortActionValidator.Validate(new PortActionInput("update", null, "udp", null, null, null, 32001), "app");
        var valid = PortActionValidator.Validate(new PortActionInput("update", null, "udp", null, null, 8081, null), "app");

        Assert.Contains("action", empty.Error!.FieldErrors!.Keys);
        Assert.Contains("external_port", move.Error!.FieldErrors!.Keys);
        Assert.Equal(new[] { "app" }, valid.Value!.PortNames);
        Assert.Equal(ForwardProtocol.Udp, valid.Value.Protocol);
    }

    private static ProvisionVmInput Input(string name) => new(name, null, null, null, null, null, null, null, null, null);
}
