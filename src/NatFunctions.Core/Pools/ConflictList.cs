namespace NatFunctions.Core.Pools;

/// <summary>
/// Keeps the <c>conflicts</c> of a response readable: a pool with thousands of VMs in the way lists the first
/// <see cref="MaxListed"/> (in order) and the detail text gives the full count.
/// </summary>
public static class ConflictList
{
    public const int MaxListed = 100;

    public static IReadOnlyList<string> Limit(IEnumerable<string> conflicts) => [.. conflicts.Take(MaxListed)];

    public static string CountText(int count, string singular, string plural) =>
        count > MaxListed ? $"{count} {plural} (the first {MaxListed} are listed)" : count == 1 ? $"1 {singular}" : $"{count} {plural}";
}
