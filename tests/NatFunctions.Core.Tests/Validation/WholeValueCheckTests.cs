using NatFunctions.Core.Audit;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Idempotency;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Results;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Tests.Planning;
using NatFunctions.Core.Validation;

namespace NatFunctions.Core.Tests.Validation;

/// <summary>
/// In .NET, <c>$</c> also matches before a final <c>\n</c>, so a check written <c>^…$</c> accepts <c>"web-01\n"</c>.
/// Every whole-value check must refuse a valid value with a line break after it.
/// </summary>
public sealed class WholeValueCheckTests
{
    public static TheoryData<string> LineBreaks => new() { "\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085" };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void A_resource_name_with_a_trailing_line_break_is_refused(string lineBreak)
    {
        Assert.True(ResourceName.IsValid("web-01"));
        Assert.False(ResourceName.IsValid("web-01" + lineBreak));
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void A_custom_description_with_a_trailing_line_break_is_refused(string lineBreak)
    {
        Assert.True(CustomDescription.IsValid("team web"));
        Assert.False(CustomDescription.IsValid("team web" + lineBreak));
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void An_idempotency_key_with_a_trailing_line_break_is_refused(string lineBreak)
    {
        Assert.True(IdempotencyKey.IsValid("run-42:step"));
        Assert.False(IdempotencyKey.IsValid("run-42:step" + lineBreak));
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public async Task A_change_query_router_with_a_trailing_line_break_is_refused(string lineBreak)
    {
        var queries = new ChangeQueries(new EmptyChangeLog());

        Assert.True((await queries.ListAsync(new ChangeQueryText(Router: "edge"), CancellationToken.None)).Succeeded);
        var refused = await queries.ListAsync(new ChangeQueryText(Router: "edge" + lineBreak), CancellationToken.None);

        Assert.False(refused.Succeeded);
        Assert.Contains("router", refused.Error!.FieldErrors!.Keys);
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Router_settings_with_a_trailing_line_break_are_refused(string lineBreak)
    {
        Assert.Empty(RouterSettingsValidator.Validate(PlanningScenario.Settings()));

        Assert.NotEmpty(RouterSettingsValidator.Validate(PlanningScenario.Settings() with { Name = "edge" + lineBreak }));
        Assert.NotEmpty(RouterSettingsValidator.Validate(PlanningScenario.Settings() with { Marker = "nf" + lineBreak }));
        Assert.NotEmpty(RouterSettingsValidator.Validate(PlanningScenario.Settings() with { InboundInterface = "eth0" + lineBreak }));
        Assert.NotEmpty(RouterSettingsValidator.Validate(PlanningScenario.Settings() with { DhcpSharedNetwork = PlanningScenario.SharedNetwork + lineBreak }));
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void A_router_value_with_a_trailing_line_break_is_not_ours(string lineBreak)
    {
        var ownership = new RouterOwnership(PlanningScenario.Settings());

        Assert.True(ownership.OwnsRule(150, "nf:vm-a:ssh"));
        Assert.False(ownership.OwnsRule(150, "nf:vm-a:ssh" + lineBreak));
        Assert.True(ownership.OwnsMapping(PlanningScenario.SharedNetwork, PlanningScenario.Subnet, "nf-vm-a"));
        Assert.False(ownership.OwnsMapping(PlanningScenario.SharedNetwork, PlanningScenario.Subnet, "nf-vm-a" + lineBreak));
    }

    private sealed class EmptyChangeLog : IRouterChangeLog
    {
        public Task<ChangePage> ListAsync(ChangeFilter filter, long? beforeId, int pageSize, CancellationToken cancellationToken) =>
            Task.FromResult(new ChangePage(Array.Empty<RouterChange>(), false));

        public Task<int> PruneAsync(DateTime startedBefore, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
