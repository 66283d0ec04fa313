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
    /// <summary>
    /// MAC address → name of the enabled foreign static mapping holding it in the configured subnet (compared without
    /// case): VyOS refuses a second mapping with that MAC there (src/conf_mode/service_dhcp-server.py verify(), 1.4/1.5).
    /// </summary>
    public IReadOnlyDictionary<string, string> UnownedMacAddresses { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public static readonly RouterReservations None = new(
        new HashSet<int>(), new HashSet<int>(), new HashSet<string>(StringComparer.Ordinal), null);
}
