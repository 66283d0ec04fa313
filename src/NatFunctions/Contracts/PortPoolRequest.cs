namespace NatFunctions.Contracts;

/// <summary>Body of POST and PUT; same rules as <see cref="IpPoolRequest"/>.</summary>
public sealed record PortPoolRequest(string? Name, string? Router, int? StartPort, int? EndPort, bool? IsActive);
