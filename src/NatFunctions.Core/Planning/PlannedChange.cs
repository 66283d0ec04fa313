using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// The change to one router object (a NAT destination rule or a DHCP static mapping) with the commands that make it.
/// It is the unit the applier can leave out of a batch when the router rejects it.
/// </summary>
public sealed record PlannedChange(
    PlannedChangeKind Kind,
    int? RuleNumber,
    string? MappingName,
    IReadOnlyList<DriftField> Drift,
    IReadOnlyList<VyosCommand> Commands)
{
    /// <summary>The router object this change is about.</summary>
    public RouterObjectKey Key => RouterObjectKey.Of(RuleNumber, MappingName);
}
