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

    /// <summary>Another commit held the VyOS commit lock; nothing was committed, retry later.</summary>
    LockBusy,

    /// <summary>The router's host key did not match the pinned fingerprint; nothing was sent.</summary>
    UntrustedHostKey,
}
