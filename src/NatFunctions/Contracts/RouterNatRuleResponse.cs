using NatFunctions.Core.Routers.Views;

namespace NatFunctions.Contracts;

/// <summary>
/// A NAT destination rule as parsed from the router. Port fields are text because VyOS allows ranges and lists
/// (<c>8000-8010</c>, <c>80,443</c>). <see cref="Owned"/>: in the managed range and carrying our marker.
/// </summary>
public sealed record RouterNatRuleResponse(
    int Number,
    string? Description,
    string? InboundInterface,
    string? Protocol,
    string? DestinationAddress,
    string? DestinationPort,
    string? SourceAddress,
    string? SourcePort,
    string? TranslationAddress,
    string? TranslationPort,
    bool Disabled,
    bool Exclude,
    bool Log,
    bool ManagedRange,
    bool Owned)
{
    public static RouterNatRuleResponse From(NatRuleView view)
    {
        var rule = view.Rule;
        return new RouterNatRuleResponse(
            rule.Number,
            rule.Description,
            rule.InboundInterface,
            rule.Protocol,
            rule.DestinationAddress,
            rule.DestinationPort,
            rule.SourceAddress,
            rule.SourcePort,
            rule.TranslationAddress,
            rule.TranslationPort,
            rule.Disabled,
            rule.Exclude,
            rule.Log,
            view.ManagedRange,
            view.Owned);
    }
}
