namespace NatFunctions.Core.Routers;

public enum RouterSessionOutcome
{
    /// <summary>The commands were committed (and saved when asked).</summary>
    Committed,

    /// <summary>The router already had this configuration; nothing was committed.</summary>
    NoChange,

    /// <summary>
    /// VyOS refused a command or the commit, and the session was discarded. A refused <c>set</c>/<c>delete</c> leaves
    /// the router unchanged; a refused commit may not: VyOS commits per subtree, so the batch's changes to other
    /// subtrees (e.g. DHCP when NAT was refused) can be active. Read the configuration before judging what is there.
    /// </summary>
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

    /// <summary>
    /// The router refused the session because of its own configuration, whatever the changes were: VyOS 1.3
    /// <c>commit-confirm</c> without <c>system config-management commit-revisions</c>. Nothing was committed and no
    /// change is to blame; an operator must fix the router or the router's settings.
    /// </summary>
    RouterMisconfigured,

    /// <summary>
    /// The caller lost the router's lease (another instance may hold it now), so the session stopped before its next
    /// <c>commit</c>, <c>confirm</c> or <c>save</c>: before the commit nothing was committed (<c>exit discard</c>); after
    /// it the change is active but unconfirmed or unsaved (<see cref="RouterSessionResult.MayHaveCommitted"/>), for a
    /// later session with the lease to finish.
    /// </summary>
    LeaseLost,

    /// <summary>The router's host key did not match the pinned fingerprint; nothing was sent.</summary>
    UntrustedHostKey,
}
