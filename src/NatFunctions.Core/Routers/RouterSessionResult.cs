namespace NatFunctions.Core.Routers;

/// <summary>
/// What one configure session did.
/// </summary>
/// <param name="Outcome">The typed result.</param>
/// <param name="Message">VyOS's own text for Rejected/LockBusy (verbatim lines); the failure detail otherwise.</param>
/// <param name="FailedCommand">
/// The command the session stopped at: the one VyOS refused (the commit line for commit-time errors), or the commit,
/// <c>confirm</c> or <c>save</c> line a lock, a lost lease or a refused <c>save</c> came at; null when none.
/// </param>
/// <param name="Transcript">
/// Everything sent and received, for the audit log (RouterChange.router_output), except configuration read back,
/// which appears as a one-line summary: it can hold password hashes and keys.
/// </param>
/// <param name="ReadBack">
/// With commit-confirm: the active <c>set</c> lines read back before <c>confirm</c>. The whole configuration, secrets
/// included: for the caller's check only, never to be stored or logged.
/// </param>
/// <param name="Saved">Whether <c>save</c> ran after the commit.</param>
/// <param name="MayHaveCommitted">
/// The session got as far as sending its commit (or, finishing an earlier one, its <c>confirm</c>): a failure from
/// then on may leave a change active but unconfirmed or unsaved. False for failures before it (connecting, <c>set</c>),
/// which leave the router as it was.
/// </param>
public sealed record RouterSessionResult(
    RouterSessionOutcome Outcome,
    string? Message,
    string? FailedCommand,
    string Transcript,
    string? ReadBack = null,
    bool Saved = false,
    bool MayHaveCommitted = false)
{
    public bool IsSuccess => Outcome is RouterSessionOutcome.Committed or RouterSessionOutcome.NoChange;
}
