using NatFunctions.Core.Routers.Views;

namespace NatFunctions.Contracts;

/// <summary>What is on the router right now (read at <see cref="ReadAt"/>): every NAT destination rule and our DHCP shared network's mappings.</summary>
public sealed record RouterNatResponse(
    string Router,
    DateTime ReadAt,
    string ManagedRules,
    string Marker,
    IReadOnlyList<RouterNatRuleResponse> Rules,
    IReadOnlyList<RouterDhcpMappingResponse> DhcpStaticMappings)
{
    public static RouterNatResponse From(RouterNatView view) => new(
        view.Router,
        view.ReadAt,
        view.ManagedRules.ToString(),
        view.Marker,
        view.Rules.Select(RouterNatRuleResponse.From).ToList(),
        view.DhcpStaticMappings.Select(RouterDhcpMappingResponse.From).ToList());
}
