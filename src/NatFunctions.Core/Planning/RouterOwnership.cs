using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Planning;

/// <summary>
/// What NatFunctions owns on a router (product-spec §1.3): a NAT destination rule whose number is in the managed range
/// and whose description starts with <c>&lt;marker&gt;:</c>; a DHCP static mapping under the configured shared
/// network and subnet whose name starts with <c>&lt;marker&gt;-</c>. Everything else is someone else's.
/// </summary>
public sealed class RouterOwnership(RouterSettings settings)
{
    public string RulePrefix { get; } = settings.Marker + ":";

    public string MappingPrefix { get; } = settings.Marker + "-";

    public bool ManagesDhcp => settings.DhcpSharedNetwork is not null && settings.DhcpSubnet is not null;

    public bool IsInManagedRange(int ruleNumber) => settings.ManagedRules.Contains(ruleNumber);

    public bool OwnsRule(int ruleNumber, string? description) =>
        IsInManagedRange(ruleNumber) && description is not null && description.StartsWith(RulePrefix, StringComparison.Ordinal);

    public bool OwnsMapping(string sharedNetwork, string subnet, string name) =>
        ManagesDhcp
        && sharedNetwork == settings.DhcpSharedNetwork
        && subnet == settings.DhcpSubnet
        && name.StartsWith(MappingPrefix, StringComparison.Ordinal);

    public string RuleDescription(string machineId, string portName, string? customDescription) =>
        string.IsNullOrEmpty(customDescription)
            ? $"{RulePrefix}{machineId}:{portName}"
            : $"{RulePrefix}{machineId}:{portName} {customDescription}";

    public string MappingName(string machineId) => MappingPrefix + machineId;
}
