namespace NatFunctions.Core.Routers;

public enum RouterSessionOutcome
{
    /// <summary>The commands were committed (and saved when asked).</summary>
    Committed,

    /// <summary>The router already had this configuration; nothing was committed.</summary>
    NoChange,

    /// <summary>VyOS refused a command or the commit; the session was discarded and the router is unchanged.</summary>
    Rejected,

    /// <summary>The router could not be reached or the connection broke; the change may or may not be active.</summary>
    TransportFailure,

    /// <summary>
    /// Another commit held the VyOS commit lock, or another commit-confirm is still waiting for its <c>confirm</c>;
    /// nothing was committed, retry later.
    /// </summary>
    LockBusy,

    /// <summary>
    /// commit-confirm went through but the configuration read back did not match the plan, so the session did not
    /// confirm: the router reverts the commit when the commit-confirm timer runs out. Retry after that.
    /// </summary>
    NotConfirmed,

    /// <summary>The router's host key did not match the pinned fingerprint; nothing was sent.</summary>
    UntrustedHostKey,
}
