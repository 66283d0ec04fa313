using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Pools;

/// <summary>A stored IP pool with the number of VMs holding an address from it.</summary>
public sealed record IpPoolUsage(IpPool Pool, int Used);
