namespace NatFunctions.Core.Applying;

/// <summary>
/// What the router already uses that NatFunctions does not own, as last read from it: allocation must avoid these
/// (a second DNAT rule on a port would silently lose to the first; an IP mapped statically belongs to someone else).
/// </summary>
public sealed record RouterReservations(
    IReadOnlySet<int> UnownedRuleNumbers,
    IReadOnlySet<int> UnownedExternalPorts,
    IReadOnlySet<string> UnownedStaticIps,
    DateTime? ObservedAt)
{
    public static readonly RouterReservations None = new(
        new HashSet<int>(), new HashSet<int>(), new HashSet<string>(StringComparer.Ordinal), null);
}
