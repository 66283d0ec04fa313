namespace NatFunctions.Core.Domain;

public enum ChangeResult
{
    Committed,
    Rejected,
    TransportError,
    NoChange,

    /// <summary>
    /// commit-confirm went active but the read-back did not match the plan, so the session did not confirm and the
    /// router reverts it; the rows stay pending for the next run. The router was reachable, unlike a transport error.
    /// </summary>
    NotConfirmed,
}
