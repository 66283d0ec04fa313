using NatFunctions.Core.Planning;

namespace NatFunctions.Contracts;

/// <summary>One added, updated or deleted router object; <c>drift</c> names the fields that differed (updates only).</summary>
public sealed record SyncObjectChange(int? RuleNumber, string? MappingName, IReadOnlyList<DriftField> Drift)
{
    public static SyncObjectChange From(PlannedChange change) => new(change.RuleNumber, change.MappingName, change.Drift);
}
