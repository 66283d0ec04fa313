using NatFunctions.Core.Applying;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Planning;

public sealed class RejectedChangeLocatorTests
{
    private static readonly VyosCommandRenderer Renderer = new(VyosVersion.V1_4);

    private static readonly PlannedChange Rule10000 = Change(10000, "10.0.0.1");
    private static readonly PlannedChange Rule10010 = Change(10010, "10.0.0.2");
    private static readonly PlannedChange Mapping = new(
        PlannedChangeKind.Add, null, "nf-vm-a", [], Renderer.SetDhcpStaticMapping(new DhcpStaticMapping("LAN", "192.168.64.0/24", "nf-vm-a") { IpAddress = "192.168.64.9" }));

    [Fact]
    public void A_refused_set_points_at_the_change_that_sent_it()
    {
        var result = Rejected("Invalid value", Rule10010.Commands[1].Text);

        Assert.Same(Rule10010, RejectedChangeLocator.Locate([Rule10000, Rule10010, Mapping], result));
    }

    [Theory]
    [InlineData("[ nat ]\nDestination NAT configuration error in rule 10010: translation requires\naddress and/or port\n\n[[nat]] failed\nCommit failed")]
    [InlineData("cannot specify both interface group and interface name for destination nat rule \"10010\"")]
    public void A_commit_error_naming_a_rule_points_at_that_rule(string message)
    {
        Assert.Same(Rule10010, RejectedChangeLocator.Locate([Rule10000, Rule10010, Mapping], Rejected(message, "commit")));
    }

    [Theory]
    // 1.4/1.5: vyos.base.Warning paragraphs (blank line, "WARNING: …" wrapped, blank line) before the ConfigError.
    [InlineData("\n\nWARNING: Interface \"eth9\" for destination NAT rule \"10000\" does not\nexist!\n\nDestination NAT configuration error in rule 10010: translation requires\naddress and/or port\n\n[[nat]] failed\nCommit failed")]
    // 1.3: a one-line print() before the ConfigError.
    [InlineData("[ nat ]\nWARNING: rule \"10000\" interface \"eth9\" does not exist on this system\nDestination NAT configuration error in rule 10010:\ntranslation address not specified\n\n[[nat]] failed\nCommit failed")]
    public void A_warning_about_a_valid_rule_before_the_error_is_not_blamed(string message)
    {
        Assert.Same(Rule10010, RejectedChangeLocator.Locate([Rule10000, Rule10010, Mapping], Rejected(message, "commit")));
    }

    [Fact]
    public void Only_warnings_name_no_one()
    {
        const string Message = "\n\nWARNING: Interface \"eth9\" for destination NAT rule \"10000\" does not\nexist!\n\n[[nat]] failed\nCommit failed";

        Assert.Null(RejectedChangeLocator.Locate([Rule10000, Rule10010], Rejected(Message, "commit")));
    }

    [Fact]
    public void A_commit_error_naming_a_mapping_points_at_it_and_silence_gives_null()
    {
        Assert.Same(Mapping, RejectedChangeLocator.Locate([Rule10000, Mapping], Rejected("static-mapping nf-vm-a: duplicate IP", "commit")));
        Assert.Null(RejectedChangeLocator.Locate([Rule10000, Mapping], Rejected("[[service dhcp-server]] failed\nCommit failed", "commit")));
    }

    private static PlannedChange Change(int number, string address) => new(
        PlannedChangeKind.Add, number, null, [], Renderer.SetNatDestinationRule(new NatDestinationRule(number) { Description = "nf:x:y", TranslationAddress = address }));

    private static RouterSessionResult Rejected(string message, string failedCommand) =>
        new(RouterSessionOutcome.Rejected, message, failedCommand, string.Empty);
}
