using NatFunctions.Core.Audit;
using NatFunctions.Core.Domain;

namespace NatFunctions.Contracts;

/// <summary>A router session in the router list: the audit entry without its command text (see /v1/admin/changes for that).</summary>
public sealed record RouterSessionResponse(
    long Id,
    DateTime StartedAt,
    DateTime? FinishedAt,
    ChangeTrigger Trigger,
    string? Actor,
    ChangeResult Result,
    int CommandCount,
    ChangeDriftResponse Drift)
{
    public static RouterSessionResponse? From(ChangeView? change) => change is null
        ? null
        : new(change.Id, change.StartedAt, change.FinishedAt, change.Trigger, change.Actor, change.Result, change.Commands.Count, ChangeDriftResponse.From(change.Drift));
}
