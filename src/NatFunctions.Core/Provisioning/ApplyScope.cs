namespace NatFunctions.Core.Provisioning;

/// <summary>
/// What one write changed on a VM: the forwards it created or changed (by port name) and whether it wrote the DHCP
/// mapping. Only these decide the write's answer; a forward that failed earlier, or that another request changed,
/// is not this request's business and must not turn a good change into a 422.
/// </summary>
public sealed record ApplyScope(IReadOnlySet<string> PortNames, bool IncludesDhcp)
{
    public static ApplyScope Of(IEnumerable<string> portNames, bool includesDhcp) =>
        new(portNames.ToHashSet(StringComparer.Ordinal), includesDhcp);
}
