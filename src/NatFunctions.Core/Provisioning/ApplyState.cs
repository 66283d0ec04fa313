namespace NatFunctions.Core.Provisioning;

/// <summary>Where a write stands when the caller is answered: on the router, still queued, or refused by it.</summary>
public enum ApplyState
{
    Applied,
    Pending,
    Rejected,
}
