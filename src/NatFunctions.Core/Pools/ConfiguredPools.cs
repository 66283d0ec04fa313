namespace NatFunctions.Core.Pools;

/// <summary>
/// Pools an installation declares in its settings (<c>Pools:Ip:NAME:…</c>, <c>Pools:Port:NAME:…</c>), created at
/// startup when missing so the first provision of a fresh install finds somewhere to allocate from.
/// </summary>
public sealed record ConfiguredPools(IReadOnlyList<IpPoolDefinition> IpPools, IReadOnlyList<PortPoolDefinition> PortPools)
{
    public static ConfiguredPools None { get; } = new([], []);

    public bool IsEmpty => IpPools.Count == 0 && PortPools.Count == 0;

    /// <summary>
    /// The embedded defaults for a local run with no router configured (the simulated router <c>local</c>): the
    /// addresses and ports README's first steps used to create by hand.
    /// </summary>
    public static ConfiguredPools ForDefaultLocalRouter(string router) => new(
        [new IpPoolDefinition("lan", router, "192.168.64.0/24", "192.168.64.100", "192.168.64.199", true)],
        [new PortPoolDefinition("ext", router, 32000, 32999, true)]);
}
