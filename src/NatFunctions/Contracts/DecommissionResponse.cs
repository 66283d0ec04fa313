using NatFunctions.Core.Provisioning;

namespace NatFunctions.Contracts;

/// <summary><see cref="RouterState"/>: <c>applied</c> when the router has dropped the VM, <c>pending</c> when a later sync will.</summary>
public sealed record DecommissionResponse(string MachineId, string InternalIp, IReadOnlyList<int> FreedExternalPorts, IReadOnlyList<int> FreedRuleNumbers, string RouterState)
{
    public static DecommissionResponse From(DecommissionOutcome outcome) => new(
        outcome.Removed.MachineId,
        outcome.Removed.InternalIp,
        outcome.Removed.Forwards.Select(f => f.ExternalPort).ToList(),
        outcome.Removed.Forwards.Select(f => f.NatRuleNumber).ToList(),
        outcome.RouterState == ApplyState.Applied ? "applied" : "pending");
}
