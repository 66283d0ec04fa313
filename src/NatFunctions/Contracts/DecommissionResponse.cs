namespace NatFunctions.Contracts;

/// <summary><see cref="RouterState"/>: <c>applied</c> when the router has dropped the VM, <c>pending</c> when a later sync will.</summary>
public sealed record DecommissionResponse(string MachineId, string InternalIp, IReadOnlyList<int> FreedExternalPorts, IReadOnlyList<int> FreedRuleNumbers, string RouterState);
