namespace NatFunctions.Core.Domain;

public enum SyncState
{
    Pending,
    Applied,
    Failed,
}
