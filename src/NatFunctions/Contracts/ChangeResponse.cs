using NatFunctions.Core.Audit;
using NatFunctions.Core.Domain;

namespace NatFunctions.Contracts;

/// <summary>One audited router session: the exact commands sent (one per line), what VyOS said, what it found.</summary>
public sealed record ChangeResponse(
    long Id,
    string Router,
    DateTime StartedAt,
    DateTime? FinishedAt,
    ChangeTrigger Trigger,
    string? Actor,
    IReadOnlyList<string> Commands,
    ChangeResult Result,
    string? RouterOutput,
    ChangeDriftResponse Drift)
{
    public static ChangeResponse From(ChangeView change) => new(
        change.Id,
        change.Router,
        change.StartedAt,
        change.FinishedAt,
        change.Trigger,
        change.Actor,
        change.Commands,
        change.Result,
        change.RouterOutput,
        ChangeDriftResponse.From(change.Drift));
}
