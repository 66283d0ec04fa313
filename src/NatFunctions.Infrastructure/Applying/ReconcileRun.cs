using Microsoft.Extensions.Logging;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;
using NatFunctions.Infrastructure.Metrics;
using NatFunctions.Infrastructure.Persistence;

namespace NatFunctions.Infrastructure.Applying;

/// <summary>The state of one reconcile while it holds the lease: what was planned, sent, recorded and refused.</summary>
internal sealed class ReconcileRun(
    IRouterClient client,
    NatFunctionsDbContext db,
    ReconcileRequest request,
    RouterReservationCache reservations,
    TimeProvider timeProvider,
    ILogger logger,
    RouterMetrics metrics,
    Func<CancellationToken, Task<bool>>? leaseHeld = null)
{
    // Each round leaves at least one change out, so this only bounds a router that rejects everything.
    private const int MostRounds = 25;

    private readonly RouterSettings settings = client.Settings;
    private readonly RouterPlanner planner = new(client.Settings);
    private readonly SyncStateWriter writer = new(db, timeProvider, client.Settings);
    private readonly List<string> commandsSent = [];
    private readonly List<RefusedObject> failed = [];
    private readonly HashSet<string> leftOut = new(StringComparer.Ordinal);
    private RouterPlan? firstPlan;
    private readonly EarlierCommitCheck earlierCommit = new(db, client.Settings, logger);
    private readonly SessionRecorder recorder = new(db, client.Settings, request, timeProvider, logger, metrics);
    private bool releasedRouterLevelFailures;
    private string? routerProblem;
    private PendingRemovalSet? removals;

    public async Task<RouterSyncReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MostRounds; round++)
        {
            var startedAt = Now;
            // Removals first: a delete committed between the two reads is then gone from the rows too, so its object is
            // planned for deletion. Read the other way round it would be neither deleted nor kept as a removal.
            removals = await PendingRemovalSet.ReadAsync(db, settings, cancellationToken).ConfigureAwait(false);
            var rows = await DesiredRows.ReadAsync(db, settings, cancellationToken).ConfigureAwait(false);
            ConfigTree tree;
            try
            {
                tree = ConfigCommandsParser.Parse(await client.ReadConfigurationCommandsAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (Exception exception) when (exception is RouterAccessException or ConfigCommandsFormatException)
            {
                return await TransportErrorAsync(rows, startedAt, [], exception.Message, null, cancellationToken, RecordedAs(exception)).ConfigureAwait(false);
            }

            if (!releasedRouterLevelFailures && request.Kind != ReconcileKind.Report)
            {
                // The router was read, so its version matches the setting: rows an earlier run froze for a router-level
                // cause get another chance. Read everything again so they are planned like any pending row.
                releasedRouterLevelFailures = true;
                var released = await writer.ReleaseRouterLevelFailuresAsync(settings.Name, cancellationToken).ConfigureAwait(false);
                if (released > 0)
                {
                    logger.LogInformation("Router {Router}: {Count} rows frozen by a router-level refusal are pending again", settings.Name, released);
                    continue;
                }
            }

            reservations.Observe(settings, tree);
            var plan = planner.Plan(tree, rows.Desired);
            firstPlan ??= plan;
            if (request.Kind == ReconcileKind.Report)
            {
                // Report mode writes nothing but the audit record: refused rows are reported, not marked failed.
                var output = plan.IsEmpty ? "report mode: no drift" : "report mode, not applied:\n" + string.Join('\n', plan.CommandTexts);
                await recorder.RecordAsync(startedAt, [], ChangeResult.NoChange, output, plan, plan.Changes, cancellationToken).ConfigureAwait(false);
                return Report(SyncOutcome.Reported, null);
            }

            await FailRefusedAsync(rows, plan.Refused, cancellationToken).ConfigureAwait(false);
            await NoteRouterProblemsAsync(rows, plan, cancellationToken).ConfigureAwait(false);
            var batch = plan.Changes.Where(change => !leftOut.Contains(change.Subject) && InScope(change, rows.Desired)).ToList();
            if (await earlierCommit.ShouldFinishFirstAsync(plan, batch, recorder.AnyCommitted, () => RowsAwaitMarking(rows), cancellationToken).ConfigureAwait(false))
            {
                // Confirm and save it first, then read again: send what is still missing, and see a revert in between.
                var finish = await FinishEarlierCommitAsync(startedAt, plan, cancellationToken).ConfigureAwait(false);
                if (!finish.IsSuccess)
                {
                    return await TransportErrorAsync(rows, null, batch, finish.Message ?? finish.Outcome.ToString(), finish, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (batch.Count == 0)
            {
                await SettleAsync(rows, removals, cancellationToken).ConfigureAwait(false);
                if (round == 0)
                {
                    await recorder.RecordAsync(startedAt, [], ChangeResult.NoChange, null, plan, [], cancellationToken).ConfigureAwait(false);
                }

                return Report(recorder.AnyCommitted ? SyncOutcome.Committed : failed.Count > 0 ? SyncOutcome.Rejected : SyncOutcome.NoChange, null);
            }

            var result = await SendAsync(startedAt, plan, rows.Desired, batch, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                await SettleAsync(rows, removals, cancellationToken).ConfigureAwait(false);
                return Report(recorder.AnyCommitted ? SyncOutcome.Committed : SyncOutcome.NoChange, null);
            }

            if (result.Outcome != RouterSessionOutcome.Rejected)
            {
                return await TransportErrorAsync(rows, null, batch, result.Message ?? result.Outcome.ToString(), result, cancellationToken).ConfigureAwait(false);
            }

            var offenders = new OffenderSearch((part, token) => SendAsync(Now, plan, rows.Desired, part, token));
            var (offender, message) = await offenders.FindAsync(batch, result, cancellationToken).ConfigureAwait(false);
            if (offender is null)
            {
                await writer.NotePendingErrorAsync(rows.PendingForwards, message, cancellationToken).ConfigureAwait(false);
                return Report(recorder.AnyCommitted ? SyncOutcome.Committed : SyncOutcome.Rejected, message);
            }

            leftOut.Add(offender.Subject);
            await FailAsync(rows, new RefusedObject(offender.RuleNumber, offender.MappingName, ErrorsOnly(message)), cancellationToken).ConfigureAwait(false);
        }

        return Report(recorder.AnyCommitted ? SyncOutcome.Committed : SyncOutcome.Rejected, "gave up after too many rejected changes");
    }

    /// <summary>
    /// The row's error is what VyOS said against it: the warnings printed first are about other rules (25 of them would
    /// push the error past the stored length). The audit record keeps the whole output.
    /// </summary>
    private static string ErrorsOnly(string message)
    {
        var errors = RejectedChangeLocator.WithoutWarnings(message).Trim();
        return errors.Length > 0 ? errors : message;
    }

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A router-level misconfiguration (plan.RouterProblems) holds its objects back without freezing them: they are
    /// left out of this run, stay pending, and the run reports the problem so an operator can fix the router.
    /// </summary>
    private async Task NoteRouterProblemsAsync(DesiredRows rows, RouterPlan plan, CancellationToken cancellationToken)
    {
        foreach (var name in plan.HeldMappings) leftOut.Add("dhcp static-mapping " + name);
        foreach (var problem in plan.RouterProblems)
        {
            if (routerProblem == problem) continue;
            routerProblem = problem;
            logger.LogWarning("Router {Router}: {Problem}", settings.Name, problem);
            // The held VMs' dhcp last_error names the router's setting, so whoever looks at a VM sees what to fix.
            var held = plan.HeldMappings
                .Select(name => rows.VmsByMapping.TryGetValue(name, out var vm) ? vm : null)
                .OfType<StoredRow>()
                .Where(rows.PendingVms.Contains)
                .ToList();
            await writer.NotePendingDhcpErrorAsync(held, problem, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Pending-only runs send the changes of pending rows and the deletions writes asked for; a deletion of an owned
    /// object nobody removed is drift and waits for a repair.
    /// </summary>
    private bool InScope(PlannedChange change, DesiredState desired) =>
        request.Kind != ReconcileKind.PendingOnly
        || (change.Kind == PlannedChangeKind.Delete && removals!.Requested(change))
        || (change.Kind != PlannedChangeKind.Delete
            && ((change.RuleNumber is { } number && desired.PendingRuleNumbers.Contains(number))
                || (change.MappingName is { } name && desired.PendingMappingNames.Contains(name))));

    private async Task<RouterSessionResult> SendAsync(
        DateTime startedAt, RouterPlan plan, DesiredState desired, IReadOnlyList<PlannedChange> batch, CancellationToken cancellationToken)
    {
        var commands = batch.SelectMany(change => change.Commands).Select(command => command.Text).ToList();
        var request = RouterChangeRequest.For(settings, commands) with { ReadBackProblem = ReadBackCheck(desired, batch), LeaseHeld = leaseHeld };
        var result = await client.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
        commandsSent.AddRange(commands);
        return await recorder.RecordSessionAsync(startedAt, UnfinishedCommitLog.RecordedCommands(request, result), result, plan, batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RouterSessionResult> FinishEarlierCommitAsync(DateTime startedAt, RouterPlan plan, CancellationToken cancellationToken)
    {
        var result = await client.ApplyAsync(RouterChangeRequest.Finish(settings) with { LeaseHeld = leaseHeld }, cancellationToken).ConfigureAwait(false);
        return await recorder.RecordSessionAsync(startedAt, UnfinishedCommitLog.Commands(settings), result, plan, [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Confirm only what was planned: the plan re-run on the read-back must want nothing more for this batch's
    /// objects. Other objects may differ (someone else's concurrent change is not this session's to judge).
    /// </summary>
    private Func<string, string?> ReadBackCheck(DesiredState desired, IReadOnlyList<PlannedChange> batch)
    {
        var subjects = batch.Select(change => change.Subject).ToHashSet(StringComparer.Ordinal);
        return readBack =>
        {
            ConfigTree tree;
            try
            {
                tree = ConfigCommandsParser.Parse(readBack);
            }
            catch (ConfigCommandsFormatException exception)
            {
                return "the read-back could not be parsed: " + exception.Message;
            }

            var unmet = planner.Plan(tree, desired).Changes
                .Where(change => subjects.Contains(change.Subject))
                .Select(change => change.Drift.Count == 0
                    ? $"{change.Subject} still needs {change.Kind.ToString().ToLowerInvariant()}"
                    : $"{change.Subject} differs in {string.Join(", ", change.Drift.Select(field => field.ToString().ToLowerInvariant()))}")
                .ToList();
            return unmet.Count == 0 ? null : string.Join("; ", unmet);
        };
    }

    private async Task<RouterSyncReport> TransportErrorAsync(
        DesiredRows rows,
        DateTime? startedAt,
        IReadOnlyList<PlannedChange> batch,
        string message,
        RouterSessionResult? result,
        CancellationToken cancellationToken,
        ChangeResult recorded = ChangeResult.TransportError)
    {
        if (startedAt is { } started)
        {
            await recorder.RecordAsync(started, [], recorded, message, firstPlan, batch, cancellationToken).ConfigureAwait(false);
        }

        await writer.NotePendingErrorAsync(rows.PendingForwards, message, cancellationToken).ConfigureAwait(false);
        var misconfigured = recorded == ChangeResult.RouterMisconfigured || result?.Outcome == RouterSessionOutcome.RouterMisconfigured;
        logger.LogWarning(
            "Router {Router}: {Outcome}: {Message}; changes stay pending",
            settings.Name,
            misconfigured ? "router misconfigured" : result?.Outcome.ToString() ?? "unreachable",
            message);
        return Report(recorder.AnyCommitted ? SyncOutcome.Committed : misconfigured ? SyncOutcome.RouterMisconfigured : SyncOutcome.TransportError, message);
    }

    private bool RowsAwaitMarking(DesiredRows rows)
    {
        var (forwards, vms) = RowsToMarkApplied(rows);
        return forwards.Count > 0 || vms.Count > 0;
    }

    /// <summary>The router is as planned for this run: its pending rows are applied and the removals it asked for done.</summary>
    private async Task SettleAsync(DesiredRows rows, PendingRemovalSet done, CancellationToken cancellationToken)
    {
        var (forwards, vms) = RowsToMarkApplied(rows);
        await writer.MarkAppliedAsync(forwards, vms, cancellationToken).ConfigureAwait(false);
        await done.ClearAsync(db, cancellationToken).ConfigureAwait(false);
    }

    private static ChangeResult RecordedAs(Exception readFailure) => readFailure switch
    {
        RouterAccessException { Failure: RouterAccessFailure.UntrustedHostKey } => ChangeResult.UntrustedHostKey,
        RouterAccessException { Failure: RouterAccessFailure.RouterMisconfigured } => ChangeResult.RouterMisconfigured,
        _ => ChangeResult.TransportError,
    };

    private (List<StoredRow> Forwards, List<StoredRow> Vms) RowsToMarkApplied(DesiredRows rows)
    {
        var refused = failed.Select(f => f.RuleNumber).OfType<int>().ToHashSet();
        var forwards = rows.Desired.NatRules.Keys
            .Where(number => !refused.Contains(number) && !leftOut.Contains(Subject(number)) && rows.Desired.PendingRuleNumbers.Contains(number))
            .Select(number => rows.ForwardsByRule[number])
            .ToList();
        var placedMappings = rows.Desired.DhcpMappings.Keys.Where(name => !leftOut.Contains("dhcp static-mapping " + name)).ToHashSet(StringComparer.Ordinal);
        var vms = rows.VmsByMapping
            .Where(pair => !rows.Desired.FrozenMappingNames.Contains(pair.Key)
                && (placedMappings.Contains(pair.Key) || !rows.Desired.DhcpMappings.ContainsKey(pair.Key)))
            .Select(pair => pair.Value)
            .Where(row => rows.PendingVms.Contains(row))
            .ToList();
        return (forwards, vms);
    }

    private async Task FailRefusedAsync(DesiredRows rows, IReadOnlyList<RefusedObject> refused, CancellationToken cancellationToken)
    {
        foreach (var item in refused) await FailAsync(rows, item, cancellationToken).ConfigureAwait(false);
    }

    private async Task FailAsync(DesiredRows rows, RefusedObject item, CancellationToken cancellationToken)
    {
        var marked = false;
        if (item.RuleNumber is { } number && rows.ForwardsByRule.TryGetValue(number, out var forward))
        {
            marked = await writer.MarkForwardFailedAsync(forward, item.Reason, cancellationToken).ConfigureAwait(false);
        }
        else if (item.MappingName is { } name && rows.VmsByMapping.TryGetValue(name, out var vm))
        {
            marked = await writer.MarkDhcpFailedAsync(vm, item.Reason, cancellationToken).ConfigureAwait(false);
        }

        if (marked) failed.Add(item);
        logger.LogWarning("Router {Router}: {Subject} left out: {Reason}", settings.Name, item.RuleNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? item.MappingName, item.Reason);
    }

    private static string Subject(int ruleNumber) => new PlannedChange(PlannedChangeKind.Add, ruleNumber, null, [], []).Subject;

    private RouterSyncReport Report(SyncOutcome outcome, string? error) =>
        new(settings.Name, outcome, firstPlan, [.. commandsSent], recorder.LastChangeId, [.. failed], error ?? routerProblem);
}
