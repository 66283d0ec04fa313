using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Pools;

/// <summary>A stored port pool with the number of forwards of its router whose external port lies in its range.</summary>
public sealed record PortPoolUsage(PortPool Pool, int Used);
