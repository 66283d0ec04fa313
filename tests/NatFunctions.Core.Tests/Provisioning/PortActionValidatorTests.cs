using NatFunctions.Core.Provisioning;

namespace NatFunctions.Core.Tests.Provisioning;

/// <summary>Fields an action would not use are refused by name; update can clear source_ip and custom_description.</summary>
public sealed class PortActionValidatorTests
{
    [Theory]
    [InlineData("delete", "external_port")]
    [InlineData("pause", "external_port")]
    [InlineData("enable", "internal_port")]
    [InlineData("disable", "protocol")]
    [InlineData("pause", "source_ip")]
    [InlineData("delete", "custom_description")]
    [InlineData("enable", "clear:source_ip")]
    public void A_field_the_action_does_not_use_is_refused_naming_it(string action, string field)
    {
        var input = field switch
        {
            "external_port" => Input(action) with { ExternalPort = 32001 },
            "internal_port" => Input(action) with { InternalPort = 8080 },
            "protocol" => Input(action) with { Protocol = "udp" },
            "source_ip" => Input(action) with { SourceIp = "203.0.113.9" },
            "custom_description" => Input(action) with { CustomDescription = "x" },
            _ => Input(action) with { ClearSourceIp = true },
        };

        var errors = PortActionValidator.Validate(input, "api").Error!.FieldErrors!;

        Assert.Equal([field.Replace("clear:", "", StringComparison.Ordinal)], errors.Keys);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("disable")]
    public void The_template_endpoint_refuses_values_on_status_actions(string action)
    {
        var result = PortActionValidator.Validate(Input(action) with { Protocol = "udp", CustomDescription = "x" }, null);

        Assert.Equal(["custom_description", "protocol"], result.Error!.FieldErrors!.Keys.Order());
    }

    [Fact]
    public void A_template_port_created_alone_cannot_take_an_internal_port_but_may_choose_its_external_one()
    {
        var refused = PortActionValidator.Validate(Input("create") with { InternalPort = 2222 }, "ssh");
        var external = PortActionValidator.Validate(Input("create") with { ExternalPort = 32010 }, "ssh");

        Assert.Equal(["internal_port"], refused.Error!.FieldErrors!.Keys);
        Assert.Equal(32010, external.Value!.ExternalPort);
    }

    [Fact]
    public void The_name_template_is_reserved_for_the_template_endpoint()
    {
        var single = PortActionValidator.Validate(Input("create") with { InternalPort = 80 }, "template");
        var provision = ProvisionValidator.Validate(new ProvisionVmInput(
            "vm", null, null, null, [], [new ForwardInput("template", 80, null, null, null, null)], null, null, null, null));

        Assert.Equal(["port_name"], single.Error!.FieldErrors!.Keys);
        Assert.Equal(["forwards[0].port_name"], provision.Error!.FieldErrors!.Keys);
    }

    [Fact]
    public void An_explicit_null_clears_on_update_and_counts_as_a_change()
    {
        var clear = PortActionValidator.Validate(Input("update") with { ClearSourceIp = true, ClearCustomDescription = true }, "api");
        var createWithNull = PortActionValidator.Validate(Input("create") with { InternalPort = 80, ClearSourceIp = true }, "api");

        Assert.True(clear.Value!.ClearSourceIp);
        Assert.True(clear.Value.ClearCustomDescription);
        Assert.False(createWithNull.Value!.ClearSourceIp);
    }

    [Fact]
    public void With_no_valid_action_only_the_action_is_reported()
    {
        var result = PortActionValidator.Validate(Input("explode") with { ExternalPort = 32001, Protocol = "udp" }, "api");

        Assert.Equal(["action"], result.Error!.FieldErrors!.Keys);
    }

    private static PortActionInput Input(string action) => new(action, null, null, null, null, null, null);
}
