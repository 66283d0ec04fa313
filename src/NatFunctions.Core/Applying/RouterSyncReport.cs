using NatFunctions.Core.Planning;

namespace NatFunctions.Core.Applying;

/// <summary>
/// What one reconcile of one router found and did (product-spec §3). <see cref="Plan"/> is the plan of the first
/// read (what differed); <see cref="CommandsSent"/> is every command line sent in the sessions that followed (empty
/// for a dry run or report); <see cref="ChangeId"/> is the last recorded RouterChange.
/// </summary>
public sealed record RouterSyncReport(
    string Router,
    SyncOutcome Outcome,
    RouterPlan? Plan,
    IReadOnlyList<string> CommandsSent,
    long? ChangeId,
    IReadOnlyList<RefusedObject> Failed,
    string? Error);
