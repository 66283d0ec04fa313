namespace NatFunctions.Core.Applying;

public enum SyncOutcome
{
    /// <summary>Changes were committed (some may have been rejected and left out; see the report).</summary>
    Committed,

    /// <summary>The router refused every change that was tried.</summary>
    Rejected,

    /// <summary>The router could not be reached or read, or the session broke; nothing is known to have changed.</summary>
    TransportError,

    /// <summary>The router already matched.</summary>
    NoChange,

    /// <summary>Dry run: the plan only.</summary>
    DryRun,

    /// <summary><c>Sync:Mode</c> report: drift was recorded, nothing was changed.</summary>
    Reported,

    /// <summary>Another instance held the router lease for longer than the lease wait.</summary>
    LeaseUnavailable,

    /// <summary>
    /// The router cannot take what the product writes (wrong <c>VyosVersion</c> setting, a path VyOS does not know,
    /// 1.3 commit-confirm without commit-revisions): nothing is frozen, the rows wait for an operator's fix.
    /// </summary>
    RouterMisconfigured,

    /// <summary>
    /// The reconcile of this router failed unexpectedly (a bug, or a configuration the planner could not handle). The
    /// error is reported for this router only; other routers are still synced.
    /// </summary>
    Error,
}
