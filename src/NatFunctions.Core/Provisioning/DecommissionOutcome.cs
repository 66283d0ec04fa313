namespace NatFunctions.Core.Provisioning;

/// <summary>The VM as it was before removal, and whether the router has already dropped it.</summary>
public sealed record DecommissionOutcome(VmView Removed, ApplyState RouterState);
