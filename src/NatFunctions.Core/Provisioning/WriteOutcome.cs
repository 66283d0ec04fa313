namespace NatFunctions.Core.Provisioning;

/// <summary>The answer to a VM or port write: the VM as it now stands and whether the router has it.</summary>
public sealed record WriteOutcome(ApplyState State, VmView? Vm, string? RouterMessage);
