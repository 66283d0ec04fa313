using Microsoft.Extensions.Logging;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Applying;

/// <summary>
/// One reconcile while it holds the lease (product-spec §4): rounds of read rows, read router, plan, send one batch.
/// A round ends the run, or leaves something out and goes again: a refused change, or an earlier commit it finished.
/// </summary>
internal sealed class ReconcileRun(
    IRouterClient client,
    IReconcileStore store,
    ReconcileRequest request,
    RouterReservationCache reservations,
    TimeProvider timeProvider,
    ILogger logger,
    IReconcileMetrics metrics,
    Func<CancellationToken, Task<bool>>? leaseHeld = null)
{
    // Each round leaves at least one change out, so this only bounds a router that rejects everything.
    private const int MostRounds = 25;

    private readonly RouterSettings settings = client.Settings;
    private readonly RouterPlanner planner = new(client.Settings);
    private readonly EarlierCommitCheck earlierCommit = new(store, client.Settings, logger);
    private readonly SessionRecorder recorder = new(store, client.Settings, request, timeProvider, logger, metrics);
    private readonly List<string> commandsSent = [];
    private readonly List<RefusedObject> failed = [];
    private readonly HashSet<RouterObjectKey> leftOut = [];
    private RouterPlan? firstPlan;
    private bool releasedRouterLevelFailures;
    private string? routerProblem;

    public async Task<RouterSyncReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MostRounds; round++)
        {
            var reading = await ReadRowsAsync(cancellationToken).ConfigureAwait(false);
            var (tree, readFailure) = await ReadRouterAsync(cancellationToken).ConfigureAwait(false);
            if (tree is null) return await RouterUnreadableAsync(reading, readFailure!, cancellationToken).ConfigureAwait(false);
            if (await ReleasedRouterLevelFailuresAsync(cancellationToken).ConfigureAwait(false)) continue;

            reservations.Observe(settings, tree);
            var plan = planner.Plan(tree, reading.Rows.Desired);
            firstPlan ??= plan;
            if (!request.Kind.Sends) return await ReportOnlyAsync(reading, plan, cancellationToken).ConfigureAwait(false);

            var batch = await ChooseBatchAsync(reading, plan, cancellationToken).ConfigureAwait(false);
            if (await earlierCommit.ShouldFinishFirstAsync(plan, batch, recorder.AnyCommitted, () => RowsAwaitMarking(reading.Rows), cancellationToken).ConfigureAwait(false))
            {
                // Confirm and save it first, then read again: send what is still missing, and see a revert in between.
                var finish = await FinishEarlierCommitAsync(reading.StartedAt, plan, cancellationToken).ConfigureAwait(false);
                if (!finish.IsSuccess) return await SessionFailedAsync(reading.Rows, finish, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (batch.Count == 0)
            {
                await SettleAsync(reading, cancellationToken).ConfigureAwait(false);
                if (round == 0) await recorder.RecordAsync(reading.StartedAt, [], ChangeResult.NoChange, null, plan, [], cancellationToken).ConfigureAwait(false);
                return Report(recorder.AnyCommitted ? SyncOutcome.Committed : failed.Count > 0 ? SyncOutcome.Rejected : SyncOutcome.NoChange, null);
            }

            var result = await SendAsync(reading.StartedAt, plan, reading.Rows.Desired, batch, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                await SettleAsync(reading, cancellationToken).ConfigureAwait(false);
                return Report(recorder.AnyCommitted ? SyncOutcome.Committed : SyncOutcome.NoChange, null);
            }

            if (result.Outcome != RouterSessionOutcome.Rejected) return await SessionFailedAsync(reading.Rows, result, cancellationToken).ConfigureAwait(false);
            if (await LeaveOutRefusedChangeAsync(reading.Rows, plan, batch, result, cancellationToken).ConfigureAwait(false) is { } stop) return stop;
        }

        return Report(recorder.AnyCommitted ? SyncOutcome.Committed : SyncOutcome.Rejected, "gave up after too many rejected changes");
    }

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    private async Task<ReconcileRound> ReadRowsAsync(CancellationToken cancellationToken)
    {
        var startedAt = Now;
        var removals = await store.ReadPendingRemovalsAsync(cancellationToken).ConfigureAwait(false);
        var rows = await store.ReadDesiredRowsAsync(cancellationToken).ConfigureAwait(false);
        return new ReconcileRound(startedAt, removals, rows);
    }

    private async Task<(ConfigTree? Tree, Exception? Failure)> ReadRouterAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (ConfigCommandsParser.Parse(await client.ReadConfigurationCommandsAsync(cancellationToken).ConfigureAwait(false)), null);
        }
        catch (Exception exception) when (exception is RouterAccessException or ConfigCommandsFormatException)
        {
            return (null, exception);
        }
    }

    /// <summary>
    /// Once per run, after the router was read (so its version matches the setting): rows an earlier run froze for a
    /// router-level cause get another chance. True when some were released: read everything again, so they are planned
    /// like any pending row.
    /// </summary>
    private async Task<bool> ReleasedRouterLevelFailuresAsync(CancellationToken cancellationToken)
    {
        if (releasedRouterLevelFailures || !request.Kind.Sends) return false;
        releasedRouterLevelFailures = true;
        var released = await store.ReleaseRouterLevelFailuresAsync(cancellationToken).ConfigureAwait(false);
        if (released == 0) return false;
        logger.LogInformation("Router {Router}: {Count} rows frozen by a router-level refusal are pending again", settings.Name, released);
        return true;
    }

    /// <summary>Report mode writes nothing but the audit record: refused rows are reported, not marked failed.</summary>
    private async Task<RouterSyncReport> ReportOnlyAsync(ReconcileRound reading, RouterPlan plan, CancellationToken cancellationToken)
    {
        var output = plan.IsEmpty ? "report mode: no drift" : "report mode, not applied:\n" + string.Join('\n', plan.CommandTexts);
        await recorder.RecordAsync(reading.StartedAt, [], ChangeResult.NoChange, output, plan, plan.Changes, cancellationToken).ConfigureAwait(false);
        return Report(SyncOutcome.Reported, null);
    }

    /// <summary>
    /// What this round sends: the plan's changes but those refused or held back (their rows are marked or noted
    /// here) and, in a pending-only run, those no write asked for.
    /// </summary>
    private async Task<List<PlannedChange>> ChooseBatchAsync(ReconcileRound reading, RouterPlan plan, CancellationToken cancellationToken)
    {
        foreach (var item in plan.Refused) await FailAsync(reading.Rows, item, cancellationToken).ConfigureAwait(false);
        await NoteRouterProblemsAsync(reading.Rows, plan, cancellationToken).ConfigureAwait(false);
        return plan.Changes.Where(change => !leftOut.Contains(change.Key) && InScope(change, reading)).ToList();
    }

    /// <summary>
    /// A router-level misconfiguration (plan.RouterProblems) holds its objects back without freezing them: they are
    /// left out of this run, stay pending, and the run reports the problem so an operator can fix the router.
    /// </summary>
    private async Task NoteRouterProblemsAsync(DesiredRows rows, RouterPlan plan, CancellationToken cancellationToken)
    {
        foreach (var name in plan.HeldMappings) leftOut.Add(RouterObjectKey.DhcpMapping(name));
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
            await store.NotePendingDhcpErrorAsync(held, problem, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Pending-only runs send the changes of pending rows and the deletions writes asked for; a deletion of an owned
    /// object nobody removed is drift and waits for a repair.
    /// </summary>
    private bool InScope(PlannedChange change, ReconcileRound reading)
    {
        if (!request.Kind.SendsOnlyPending) return true;
        if (change.Kind == PlannedChangeKind.Delete) return reading.Removals.Requested(change);
        var desired = reading.Rows.Desired;
        return (change.RuleNumber is { } number && desired.PendingRuleNumbers.Contains(number))
            || (change.MappingName is { } name && desired.PendingMappingNames.Contains(name));
    }

    private async Task<RouterSessionResult> SendAsync(
        DateTime startedAt, RouterPlan plan, DesiredState desired, IReadOnlyList<PlannedChange> batch, CancellationToken cancellationToken)
    {
        var commands = batch.SelectMany(change => change.Commands).Select(command => command.Text).ToList();
        var change = RouterChangeRequest.For(settings, commands) with { ReadBackProblem = ReadBackCheck(desired, batch), LeaseHeld = leaseHeld };
        var result = await client.ApplyAsync(change, cancellationToken).ConfigureAwait(false);
        commandsSent.AddRange(commands);
        return await recorder.RecordSessionAsync(startedAt, UnfinishedCommitLog.RecordedCommands(change, result), result, plan, batch, cancellationToken).ConfigureAwait(false);
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
        var sent = batch.Select(change => change.Key).ToHashSet();
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
                .Where(change => sent.Contains(change.Key))
                .Select(change => change.Drift.Count == 0
                    ? $"{change.Key} still needs {change.Kind.ToString().ToLowerInvariant()}"
                    : $"{change.Key} differs in {string.Join(", ", change.Drift.Select(field => field.ToString().ToLowerInvariant()))}")
                .ToList();
            return unmet.Count == 0 ? null : string.Join("; ", unmet);
        };
    }

    /// <summary>
    /// The router refused the batch: find the change it refused, mark its row failed and leave it out of the next
    /// round (null: go again). When no change alone is to blame, the run ends with the router's message.
    /// </summary>
    private async Task<RouterSyncReport?> LeaveOutRefusedChangeAsync(
        DesiredRows rows, RouterPlan plan, IReadOnlyList<PlannedChange> batch, RouterSessionResult rejection, CancellationToken cancellationToken)
    {
        var offenders = new OffenderSearch((part, token) => SendAsync(Now, plan, rows.Desired, part, token));
        var (offender, message) = await offenders.FindAsync(batch, rejection, cancellationToken).ConfigureAwait(false);
        if (offender is null)
        {
            await store.NotePendingErrorAsync(rows.PendingForwards, message, cancellationToken).ConfigureAwait(false);
            return Report(recorder.AnyCommitted ? SyncOutcome.Committed : SyncOutcome.Rejected, message);
        }

        leftOut.Add(offender.Key);
        await FailAsync(rows, new RefusedObject(offender.RuleNumber, offender.MappingName, ErrorsOnly(message)), cancellationToken).ConfigureAwait(false);
        return null;
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

    /// <summary>The router could not be read (or its configuration not parsed): recorded, since no session recorded it.</summary>
    private async Task<RouterSyncReport> RouterUnreadableAsync(ReconcileRound reading, Exception failure, CancellationToken cancellationToken)
    {
        var recorded = failure switch
        {
            RouterAccessException { Failure: RouterAccessFailure.UntrustedHostKey } => ChangeResult.UntrustedHostKey,
            RouterAccessException { Failure: RouterAccessFailure.RouterMisconfigured } => ChangeResult.RouterMisconfigured,
            _ => ChangeResult.TransportError,
        };
        await recorder.RecordAsync(reading.StartedAt, [], recorded, failure.Message, firstPlan, [], cancellationToken).ConfigureAwait(false);
        return await StopWithPendingRowsAsync(reading.Rows, failure.Message, recorded == ChangeResult.RouterMisconfigured, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A session (already recorded) ended neither committed nor rejected: lock busy, transport, lease, reboot window.</summary>
    private Task<RouterSyncReport> SessionFailedAsync(DesiredRows rows, RouterSessionResult result, CancellationToken cancellationToken) =>
        StopWithPendingRowsAsync(
            rows, result.Message ?? result.Outcome.ToString(), result.Outcome == RouterSessionOutcome.RouterMisconfigured, result.Outcome, cancellationToken);

    private async Task<RouterSyncReport> StopWithPendingRowsAsync(
        DesiredRows rows, string message, bool misconfigured, RouterSessionOutcome? outcome, CancellationToken cancellationToken)
    {
        await store.NotePendingErrorAsync(rows.PendingForwards, message, cancellationToken).ConfigureAwait(false);
        logger.LogWarning(
            "Router {Router}: {Outcome}: {Message}; changes stay pending",
            settings.Name,
            misconfigured ? "router misconfigured" : outcome?.ToString() ?? "unreachable",
            message);
        return Report(recorder.AnyCommitted ? SyncOutcome.Committed : misconfigured ? SyncOutcome.RouterMisconfigured : SyncOutcome.TransportError, message);
    }

    private bool RowsAwaitMarking(DesiredRows rows)
    {
        var (forwards, vms) = RowsToMarkApplied(rows);
        return forwards.Count > 0 || vms.Count > 0;
    }

    /// <summary>The router is as planned for this run: its pending rows are applied and the removals it asked for done.</summary>
    private async Task SettleAsync(ReconcileRound reading, CancellationToken cancellationToken)
    {
        var (forwards, vms) = RowsToMarkApplied(reading.Rows);
        await store.MarkAppliedAsync(forwards, vms, cancellationToken).ConfigureAwait(false);
        await store.ClearPendingRemovalsAsync(reading.Removals, cancellationToken).ConfigureAwait(false);
    }

    private (List<StoredRow> Forwards, List<StoredRow> Vms) RowsToMarkApplied(DesiredRows rows)
    {
        var refused = failed.Select(f => f.RuleNumber).OfType<int>().ToHashSet();
        var forwards = rows.Desired.NatRules.Keys
            .Where(number => !refused.Contains(number) && !leftOut.Contains(RouterObjectKey.NatRule(number)) && rows.Desired.PendingRuleNumbers.Contains(number))
            .Select(number => rows.ForwardsByRule[number])
            .ToList();
        var placedMappings = rows.Desired.DhcpMappings.Keys.Where(name => !leftOut.Contains(RouterObjectKey.DhcpMapping(name))).ToHashSet(StringComparer.Ordinal);
        var vms = rows.VmsByMapping
            .Where(pair => !rows.Desired.FrozenMappingNames.Contains(pair.Key)
                && (placedMappings.Contains(pair.Key) || !rows.Desired.DhcpMappings.ContainsKey(pair.Key)))
            .Select(pair => pair.Value)
            .Where(row => rows.PendingVms.Contains(row))
            .ToList();
        return (forwards, vms);
    }

    private async Task FailAsync(DesiredRows rows, RefusedObject item, CancellationToken cancellationToken)
    {
        var marked = false;
        if (item.RuleNumber is { } number && rows.ForwardsByRule.TryGetValue(number, out var forward))
        {
            marked = await store.MarkForwardFailedAsync(forward, item.Reason, cancellationToken).ConfigureAwait(false);
        }
        else if (item.MappingName is { } name && rows.VmsByMapping.TryGetValue(name, out var vm))
        {
            marked = await store.MarkDhcpFailedAsync(vm, item.Reason, cancellationToken).ConfigureAwait(false);
        }

        if (marked) failed.Add(item);
        logger.LogWarning("Router {Router}: {Object} left out: {Reason}", settings.Name, item.Key, item.Reason);
    }

    private RouterSyncReport Report(SyncOutcome outcome, string? error) =>
        new(settings.Name, outcome, firstPlan, [.. commandsSent], recorder.LastChangeId, [.. failed], error ?? routerProblem);
}
