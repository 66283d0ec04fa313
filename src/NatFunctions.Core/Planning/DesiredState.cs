using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// Everything NatFunctions wants on one router. Frozen numbers and names belong to rows that failed: the router
/// keeps whatever it has for them (neither set nor deleted) until the row is fixed or reverted.
/// Pending numbers and names belong to rows still waiting to be applied; the rest of the desired objects were
/// applied before, so a difference on them is drift.
/// </summary>
public sealed record DesiredState(
    IReadOnlyDictionary<int, NatDestinationRule> NatRules,
    IReadOnlyDictionary<string, DhcpStaticMapping> DhcpMappings,
    IReadOnlySet<int> FrozenRuleNumbers,
    IReadOnlySet<string> FrozenMappingNames,
    IReadOnlySet<int> PendingRuleNumbers,
    IReadOnlySet<string> PendingMappingNames,
    IReadOnlyList<RefusedObject> Refused)
{
    public static DesiredState Empty { get; } = new(
        new Dictionary<int, NatDestinationRule>(),
        new Dictionary<string, DhcpStaticMapping>(StringComparer.Ordinal),
        new HashSet<int>(),
        new HashSet<string>(StringComparer.Ordinal),
        new HashSet<int>(),
        new HashSet<string>(StringComparer.Ordinal),
        []);
}
