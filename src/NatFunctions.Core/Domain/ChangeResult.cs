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

    /// <summary>
    /// The router's commit lock was held by another session (an operator, another tool, a pending commit-confirm):
    /// nothing was committed, the rows stay pending. Reachable, unlike a transport error.
    /// </summary>
    LockBusy,

    /// <summary>
    /// The router presented a host key other than the pinned one, so the session stopped before logging in. Its own
    /// result because it needs a person (a re-installed router, or someone in the middle), not a retry.
    /// </summary>
    UntrustedHostKey,

    /// <summary>
    /// This instance lost the router's lease during the run (broken, expired, taken by another instance, or the lease
    /// store could not confirm it), so the session stopped before its commit (nothing committed), confirm or save
    /// (active but unfinished, finished by a later run). The rows stay pending.
    /// </summary>
    LeaseLost,

    /// <summary>
    /// The router cannot take what the product writes, whatever the objects are: its VyOS line differs from the
    /// <c>VyosVersion</c> setting (nothing sent), VyOS does not know a path the product writes for that setting, or
    /// 1.3 commit-confirm without commit-revisions. No row is frozen; the rows wait for an operator's fix.
    /// </summary>
    RouterMisconfigured,
}
