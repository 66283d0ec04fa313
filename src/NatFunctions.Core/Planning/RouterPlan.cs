using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// The difference between what a router has and what NatFunctions wants on it, within what NatFunctions owns, and
/// the exact ordered commands that close it (deletes first, then replacements, then additions).
/// </summary>
public sealed record RouterPlan(
    IReadOnlyList<PlannedChange> Changes,
    IReadOnlyList<int> UnchangedRules,
    IReadOnlyList<string> UnchangedMappings,
    IReadOnlyList<UnmanagedRule> Unmanaged,
    IReadOnlyList<RefusedObject> Refused)
{
    /// <summary>
    /// Router-level misconfigurations that hold changes back without blaming any object: nothing is frozen, the held
    /// objects stay pending and go out once the router is fixed (e.g. a 1.5 DHCP subnet without <c>subnet-id</c>).
    /// </summary>
    public IReadOnlyList<string> RouterProblems { get; init; } = [];

    /// <summary>The DHCP mapping names whose changes a router problem holds back.</summary>
    public IReadOnlyList<string> HeldMappings { get; init; } = [];

    public IReadOnlyList<VyosCommand> Commands => [.. Changes.SelectMany(change => change.Commands)];

    public IReadOnlyList<string> CommandTexts => [.. Commands.Select(command => command.Text)];

    public bool IsEmpty => Changes.Count == 0;

    public IEnumerable<PlannedChange> Added => Changes.Where(change => change.Kind == PlannedChangeKind.Add);

    public IEnumerable<PlannedChange> Updated => Changes.Where(change => change.Kind == PlannedChangeKind.Update);

    public IEnumerable<PlannedChange> Deleted => Changes.Where(change => change.Kind == PlannedChangeKind.Delete);

    /// <summary>The same plan with only the chosen changes (e.g. without one the router rejected).</summary>
    public RouterPlan With(IEnumerable<PlannedChange> changes) => this with { Changes = [.. changes] };
}
