using NatFunctions.Core.Planning;

namespace NatFunctions.Infrastructure.Applying;

/// <summary>
/// The objects of one VM on its router (its NAT rule numbers and DHCP mapping name): what a per-request session may
/// send and mark, so that each request pays for exactly its own commit, as the one-commit-per-request way does.
/// </summary>
internal sealed class MachineScope(IReadOnlySet<int> ruleNumbers, string ownMappingName)
{
    public static MachineScope For(string machineId, DesiredRows rows, RouterOwnership ownership)
    {
        var numbers = rows.RuleNumbersByMachine.TryGetValue(machineId, out var found) ? found : [];
        return new MachineScope(numbers.ToHashSet(), ownership.MappingName(machineId));
    }

    public bool Owns(PlannedChange change) =>
        (change.RuleNumber is { } number && ruleNumbers.Contains(number)) || OwnsMapping(change.MappingName);

    public bool OwnsRule(int ruleNumber) => ruleNumbers.Contains(ruleNumber);

    public bool OwnsMapping(string? mappingName) => string.Equals(mappingName, ownMappingName, StringComparison.Ordinal);
}
