namespace NatFunctions.Core.Pools;

/// <summary>
/// What a caller asks a port pool to be, unvalidated. Same create/replace rules as <see cref="IpPoolDefinition"/>.
/// </summary>
public sealed record PortPoolDefinition(string? Name, string? Router, int? StartPort, int? EndPort, bool? IsActive);
