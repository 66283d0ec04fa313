namespace NatFunctions.Core.Provisioning;

/// <summary>What NatFunctions itself has already handed out on a router, as stored in the database.</summary>
public sealed record RouterUsage(
    IReadOnlySet<uint> InternalIps,
    IReadOnlySet<int> ExternalPorts,
    IReadOnlySet<int> RuleNumbers);
