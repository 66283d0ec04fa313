using NatFunctions.Core.Applying;
using NatFunctions.Core.Planning;

namespace NatFunctions.Contracts;

/// <summary>
/// One router's reconcile (product-spec §3). <c>commands</c> are the lines sent, or for a dry run and report mode
/// the lines that would be sent.
/// </summary>
public sealed record SyncRouterReport(
    string Router,
    SyncOutcome Result,
    IReadOnlyList<SyncObjectChange> Added,
    IReadOnlyList<SyncObjectChange> Updated,
    IReadOnlyList<SyncObjectChange> Deleted,
    SyncUnchanged NoChange,
    IReadOnlyList<SyncUnmanagedRule> Unmanaged,
    IReadOnlyList<SyncFailure> Failed,
    IReadOnlyList<string> Commands,
    long? ChangeId,
    string? Error)
{
    public static SyncRouterReport From(RouterSyncReport report)
    {
        var plan = report.Plan;
        IReadOnlyList<SyncObjectChange> Changes(Func<RouterPlan, IEnumerable<PlannedChange>> pick) =>
            plan is null ? [] : [.. pick(plan).Select(SyncObjectChange.From)];
        var commands = report.Outcome is SyncOutcome.DryRun or SyncOutcome.Reported ? plan?.CommandTexts ?? [] : report.CommandsSent;
        return new SyncRouterReport(
            report.Router,
            report.Outcome,
            Changes(p => p.Added),
            Changes(p => p.Updated),
            Changes(p => p.Deleted),
            new SyncUnchanged(plan?.UnchangedRules ?? [], plan?.UnchangedMappings ?? []),
            plan is null ? [] : [.. plan.Unmanaged.Select(rule => new SyncUnmanagedRule(rule.RuleNumber, rule.Description))],
            [.. report.Failed.Concat(plan?.Refused ?? []).DistinctBy(f => (f.RuleNumber, f.MappingName)).Select(f => new SyncFailure(f.RuleNumber, f.MappingName, f.Reason))],
            commands,
            report.ChangeId,
            report.Error);
    }
}
