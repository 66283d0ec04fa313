using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// The session contract on a VyOS CLI: <c>set terminal length 0</c>, <c>configure</c>, the commands (typed ahead in a
/// window, each reply checked in order: <see cref="TypedAheadCommands"/>), <c>compare</c>, <c>commit</c> or <c>commit-confirm N</c> → read back → <c>confirm</c> only when the caller
/// accepts the read-back, <c>save</c>, <c>exit</c>. Any refusal, and any failure before the commit while the channel
/// is still open, ends with <c>exit discard</c>, so nothing half-entered stays in the session; a read-back the caller
/// rejects is left unconfirmed, so VyOS reverts it. Once the commit is sent, every failure (lost connection, a
/// refused <c>save</c>, a cancellation, a throwing read-back check) is a result with
/// <see cref="RouterSessionResult.MayHaveCommitted"/>, never an exception, so the caller can record it and a later
/// session can finish the commit. The read-back is the whole active configuration, secrets
/// included, so only a one-line summary of it goes into the transcript. Works over any <see cref="IRouterTextChannel"/>;
/// knows nothing about SSH.
/// </summary>
internal sealed class VyosConfigureSession(VyosCliConversation cli, VyosVersion? version = null, int window = 1)
{
    private readonly VyosVersion routerVersion = version ?? VyosVersion.V1_4;

    private enum Stage
    {
        Preparing,
        Committing,
        AwaitingConfirm,
        Confirming,
        Committed,
    }

    // exit discard after a failure is a courtesy to the router; it must not hold the caller up for a full command timeout.
    private static readonly TimeSpan DiscardTimeout = TimeSpan.FromSeconds(5);

    private Stage stage = Stage.Preparing;
    private bool timerArmed;
    private bool inConfigurationMode;
    private bool saved;

    public async Task<RouterSessionResult> ApplyAsync(RouterChangeRequest request, CancellationToken cancellationToken)
    {
        string? readBack = null;
        try
        {
            await EnterOperationalModeAsync(cli, cancellationToken).ConfigureAwait(false);
            var configure = await cli.RunAsync("configure", cancellationToken).ConfigureAwait(false);
            if (configure.Prompt != VyosPromptKind.Configuration)
            {
                return Result(RouterSessionOutcome.TransportFailure, $"'configure' did not enter configuration mode: {configure.Message}");
            }

            inConfigurationMode = true;
            if (request.FinishOnly)
            {
                return await FinishAsync(request, cancellationToken).ConfigureAwait(false);
            }

            foreach (var command in request.Commands)
            {
                var problem = RouterChangeRequest.FindProblem(command);
                if (problem is not null)
                {
                    return await DiscardAsync(RouterSessionOutcome.Rejected, problem, command, cancellationToken).ConfigureAwait(false);
                }
            }

            // Typed ahead in a window (decision 0023): the first refusal in the order sent is the one reported, and
            // nothing typed after it is committed, because the session ends with exit discard.
            var refused = await new TypedAheadCommands(cli, window)
                .RunAsync(request.Commands, IsRefusal, cancellationToken)
                .ConfigureAwait(false);
            if (refused is { } refusedCommand)
            {
                var (command, reply) = refusedCommand;
                if (VyosOutputClassifier.IsUnknownPath(reply.Output))
                {
                    // The product wrote a path this router's VyOS does not have: its version setting (or the product's
                    // model of that version) is wrong, not the object, so nothing is to blame on it (decision 0020).
                    return await DiscardAsync(
                        RouterSessionOutcome.RouterMisconfigured,
                        $"VyOS does not know a path the product writes for this router's VyosVersion setting, so every such object would be refused; compare the setting with the router's 'show version' (the router's preflight shows both): {reply.Message}",
                        command,
                        cancellationToken).ConfigureAwait(false);
                }

                return await DiscardAsync(RouterSessionOutcome.Rejected, reply.Message, command, cancellationToken).ConfigureAwait(false);
            }

            var compare = await cli.RunAsync("compare", cancellationToken).ConfigureAwait(false);
            if (VyosOutputClassifier.IsNoChangeCompare(compare.Output))
            {
                return await DiscardAsync(RouterSessionOutcome.NoChange, null, null, cancellationToken).ConfigureAwait(false);
            }

            var commitCommand = request.CommitCommand;
            await EnsureLeaseHeldAsync(request, commitCommand, cancellationToken).ConfigureAwait(false);
            stage = Stage.Committing;
            var commit = await cli.RunCommitAsync(commitCommand, cancellationToken).ConfigureAwait(false);
            var answeredOneThreeQuestion = false;
            if (commit.Prompt == VyosPromptKind.Question)
            {
                answeredOneThreeQuestion = CommitConfirmTimer.IsOneThreeQuestion(commit.Output);
                // 1.3 takes one key (an Enter after it would become an empty command); 1.4/1.5 read a line.
                commit = answeredOneThreeQuestion
                    ? await cli.RunCommitKeyAsync('y', cancellationToken).ConfigureAwait(false)
                    : await cli.RunCommitAsync("y", cancellationToken).ConfigureAwait(false);
            }

            // commit-confirm arms its revert timer before the commit runs, so a refused or lock-busy commit still
            // leaves it armed: a reboot on 1.3/1.4 unless it is cancelled (CommitConfirmTimer).
            timerArmed = request.CommitConfirmMinutes > 0 && CommitConfirmTimer.WasArmed(answeredOneThreeQuestion, commit.Output);
            var refusal = ClassifyCommit(commit);
            if (refusal is null && routerVersion == VyosVersion.V1_3 && VyosOutputClassifier.IsConfirmPending(commit.Output))
            {
                // 1.3 prints "Another confirm is pending" and commits anyway (equuleus vyatta-config-mgmt.pl exits 0,
                // vyatta-cfg equuleus:functions/interpreter/vyatta-cfg-run then commits): the change is active under
                // an earlier commit-confirm we must not confirm, whose revert will undo it too. Not saved, not ours to settle.
                await ExitAsync(cancellationToken).ConfigureAwait(false);
                return Result(
                    RouterSessionOutcome.LockBusy,
                    $"another commit-confirm is pending on the router: VyOS 1.3 committed this change anyway, and that commit-confirm's revert will undo it unless someone confirms it; left unsaved: {commit.Message}",
                    commitCommand);
            }

            if (refusal is not null)
            {
                stage = Stage.Preparing;
                var outcome = refusal.Value;
                var message = outcome switch
                {
                    RouterSessionOutcome.NoChange => null,
                    RouterSessionOutcome.RouterMisconfigured =>
                        $"the router refused '{commitCommand}' for all changes: VyOS 1.3 needs 'system config-management commit-revisions' for commit-confirm (or set CommitConfirmMinutes to 0): {commit.Message}",
                    _ => commit.Message,
                };
                if (timerArmed) message = await CancelArmedTimerAsync(message, cancellationToken).ConfigureAwait(false);
                return await DiscardAsync(outcome, message, commitCommand, cancellationToken).ConfigureAwait(false);
            }

            stage = request.CommitConfirmMinutes > 0 ? Stage.AwaitingConfirm : Stage.Committed;
            if (request.CommitConfirmMinutes > 0)
            {
                string? mismatch = null;
                await cli.RunUnrecordedAsync(
                    "run show configuration commands",
                    reply =>
                    {
                        readBack = reply.Message;
                        mismatch = request.ReadBackProblem?.Invoke(readBack);
                        return DescribeConfiguration(reply) + (mismatch is null ? ", as planned" : ", not as planned: " + mismatch);
                    },
                    cancellationToken).ConfigureAwait(false);
                if (mismatch is not null)
                {
                    // Nothing is left uncommitted, so a plain exit; without confirm and save the timer restores the old config.
                    await ExitAsync(cancellationToken).ConfigureAwait(false);
                    return Result(
                        RouterSessionOutcome.NotConfirmed,
                        $"the configuration read back after '{commitCommand}' does not match the plan ({mismatch}); not confirmed, so the router reverts it within {Minutes(request.CommitConfirmMinutes)}",
                        commitCommand,
                        readBack);
                }

                await EnsureLeaseHeldAsync(request, "confirm", cancellationToken).ConfigureAwait(false);
                stage = Stage.Confirming;
                var confirm = await cli.RunAsync("confirm", cancellationToken).ConfigureAwait(false);
                if (VyosOutputClassifier.IsConfirmFailure(confirm.Output))
                {
                    return Result(
                        RouterSessionOutcome.TransportFailure,
                        $"the commit is active but 'confirm' failed, so the router will revert it: {confirm.Message}",
                        "confirm",
                        readBack);
                }

                stage = Stage.Committed;
            }

            return await SaveAndExitAsync(request, RouterSessionOutcome.Committed, readBack, cancellationToken).ConfigureAwait(false);
        }
        catch (LeaseLostException lost)
        {
            // Another instance may be configuring the router: send nothing more that commits, confirms or saves.
            await TryDiscardAfterFailureAsync().ConfigureAwait(false);
            return Result(RouterSessionOutcome.LeaseLost, LeaseLostMessage(lost.Command, request), lost.Command, readBack);
        }
        catch (Exception exception) when (stage == Stage.Preparing && exception is not RouterChannelException)
        {
            // A bug or a cancellation before the commit: leave nothing entered behind, then let the caller see the error.
            await TryDiscardAfterFailureAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception exception)
        {
            // A lost connection at any stage, or anything else (a cancellation, a read-back check that threw) once the
            // commit was sent: the commit may be active, so the caller gets a result to record, never an exception.
            if (stage == Stage.Preparing) await TryDiscardAfterFailureAsync().ConfigureAwait(false);
            var lost = exception is RouterChannelException ? "connection lost" : $"the session failed ({exception.GetType().Name})";
            return stage switch
            {
                Stage.Committing => Result(
                    RouterSessionOutcome.TransportFailure,
                    $"{lost} during the commit, so it may or may not be active; read the configuration before retrying: {exception.Message}",
                    null,
                    readBack),
                Stage.AwaitingConfirm => Result(
                    RouterSessionOutcome.TransportFailure,
                    $"{lost} after commit-confirm and before confirm: the change is active but the router reverts it within {Minutes(request.CommitConfirmMinutes)} unless a later session confirms it: {exception.Message}",
                    null,
                    readBack),
                Stage.Confirming => Result(
                    RouterSessionOutcome.TransportFailure,
                    $"{lost} while sending 'confirm': if the router did not get it, it reverts the change within {Minutes(request.CommitConfirmMinutes)} unless a later session confirms it: {exception.Message}",
                    null,
                    readBack),
                // Active but not saved: not finished until a later session saves it, so the caller keeps its rows pending.
                Stage.Committed when request.Save && !saved => Result(
                    RouterSessionOutcome.TransportFailure,
                    $"committed, then {lost} before 'save': the change is active but would not survive a reboot until a later session saves it: {exception.Message}",
                    null,
                    readBack),
                Stage.Committed => Result(
                    RouterSessionOutcome.Committed,
                    $"committed, then {lost}: {exception.Message}",
                    null,
                    readBack),
                _ => Result(RouterSessionOutcome.TransportFailure, exception.Message),
            };
        }
    }

    private static bool IsRefusal(VyosReply reply) =>
        VyosOutputClassifier.IsUnknownPath(reply.Output)
        || reply.Prompt != VyosPromptKind.Configuration
        || VyosOutputClassifier.IsCommandError(reply.Output);

    /// <summary>What the transcript says instead of a whole configuration.</summary>
    public static string DescribeConfiguration(VyosReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var lines = reply.Message.Length == 0 ? 0 : reply.Message.Split('\n').Length;
        return $"{lines} configuration lines read, not recorded: they may hold secrets";
    }

    /// <summary>
    /// Op mode with paging off, so long output never stops at a <c>--More--</c> prompt. Once per channel: the router
    /// client enters it first to read <c>show version</c>, then hands the channel to the session.
    /// </summary>
    public static async Task EnterOperationalModeAsync(VyosCliConversation cli, CancellationToken cancellationToken)
    {
        if (cli.IsPrepared) return;
        var login = await cli.WaitForPromptAsync(cancellationToken).ConfigureAwait(false);
        if (login.Prompt != VyosPromptKind.Operational)
        {
            throw new RouterChannelException($"expected the operational prompt after login, got: {login.Message}");
        }

        await cli.RunAsync("set terminal length 0", cancellationToken).ConfigureAwait(false);
        cli.IsPrepared = true;
    }

    /// <summary>
    /// Confirms and saves what an earlier session committed without getting to do so itself. <c>No confirm pending</c>
    /// is fine: that commit was plain, or already confirmed.
    /// </summary>
    private async Task<RouterSessionResult> FinishAsync(RouterChangeRequest request, CancellationToken cancellationToken)
    {
        // The earlier commit is what this session stands for: from here on a failure leaves it as unfinished as before.
        if (request.CommitConfirmMinutes > 0)
        {
            await EnsureLeaseHeldAsync(request, "confirm", cancellationToken).ConfigureAwait(false);
            stage = Stage.Confirming;
            var confirm = await cli.RunAsync("confirm", cancellationToken).ConfigureAwait(false);
            if (confirm.Prompt != VyosPromptKind.Configuration)
            {
                return Result(RouterSessionOutcome.TransportFailure, $"'confirm' did not return to configuration mode: {confirm.Message}", "confirm");
            }
        }

        stage = Stage.Committed;
        return await SaveAndExitAsync(request, RouterSessionOutcome.NoChange, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The end of a session whose commit is active: <c>save</c> when asked, then leave. <paramref name="done"/> when
    /// VyOS took the save; a refused save is a <see cref="RouterSessionOutcome.TransportFailure"/> (see <see cref="SaveAsync"/>).
    /// </summary>
    private async Task<RouterSessionResult> SaveAndExitAsync(
        RouterChangeRequest request, RouterSessionOutcome done, string? readBack, CancellationToken cancellationToken)
    {
        if (request.Save) await EnsureLeaseHeldAsync(request, "save", cancellationToken).ConfigureAwait(false);
        var refusedSave = request.Save ? await SaveAsync(cancellationToken).ConfigureAwait(false) : null;
        saved = request.Save && refusedSave is null;
        await ExitAsync(cancellationToken).ConfigureAwait(false);
        return refusedSave is null
            ? Result(done, null, null, readBack)
            : Result(RouterSessionOutcome.TransportFailure, refusedSave, "save", readBack);
    }

    /// <summary>A plain <c>exit</c> from configuration mode (nothing uncommitted is left), then out of the shell.</summary>
    private async Task ExitAsync(CancellationToken cancellationToken)
    {
        await cli.RunAsync("exit", cancellationToken).ConfigureAwait(false);
        inConfigurationMode = false;
        await LeaveAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>save</c> after a commit; null when VyOS took it, otherwise why not. A refused save is not finished: the change
    /// would not survive a reboot, so the caller keeps it unfinished and a later session saves again.
    /// </summary>
    private async Task<string?> SaveAsync(CancellationToken cancellationToken)
    {
        var save = await cli.RunAsync("save", cancellationToken).ConfigureAwait(false);
        return VyosOutputClassifier.IsSaveFailure(save.Output)
            ? $"committed, but VyOS refused 'save': the change is active but would not survive a reboot until a later session saves it: {save.Message}"
            : null;
    }

    /// <summary>The caller's lease check, right before a line that commits, confirms or saves.</summary>
    private static async Task EnsureLeaseHeldAsync(RouterChangeRequest request, string command, CancellationToken cancellationToken)
    {
        if (request.LeaseHeld is { } leaseHeld && !await leaseHeld(cancellationToken).ConfigureAwait(false))
        {
            throw new LeaseLostException(command);
        }
    }

    private static string LeaseLostMessage(string command, RouterChangeRequest request) => command switch
    {
        "confirm" => $"this instance lost the router's lease before 'confirm' (another instance may be configuring the router): the change is active but the router reverts it within {Minutes(request.CommitConfirmMinutes)} unless a later session confirms it",
        "save" => "committed, but this instance lost the router's lease before 'save' (another instance may be configuring the router): the change is active but would not survive a reboot until a later session saves it",
        _ => $"this instance lost the router's lease before '{command}' (another instance may be configuring the router); nothing was committed (exit discard)",
    };

    /// <summary>
    /// <c>confirm</c> after a commit-confirm whose commit failed: the timer it armed would otherwise revert the router
    /// (reboot on 1.3/1.4) although nothing of ours is active. Confirming is harmless then: the active configuration is
    /// the one from before. Returns the message to report, saying whether the timer is known to be cancelled.
    /// </summary>
    private async Task<string?> CancelArmedTimerAsync(string? message, CancellationToken cancellationToken)
    {
        try
        {
            var confirm = await cli.RunAsync("confirm", cancellationToken).ConfigureAwait(false);
            timerArmed = !CommitConfirmTimer.IsCancelledBy(confirm.Output) || confirm.Prompt != VyosPromptKind.Configuration;
        }
        catch (RouterChannelException)
        {
            // Reported below: the router may still revert.
        }

        var note = timerArmed
            ? "the revert timer commit-confirm armed before the commit could not be cancelled with 'confirm': the router may revert (reboot on 1.3/1.4) when it runs out"
            : "the revert timer commit-confirm armed before the commit was cancelled with 'confirm'";
        return message is null ? note : $"{message} ({note})";
    }

    private static string Minutes(int minutes) =>
        minutes == 1 ? "1 minute" : minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " minutes";

    private RouterSessionOutcome? ClassifyCommit(VyosReply commit)
    {
        if (VyosOutputClassifier.IsCommitRevisionsMissing(commit.Output))
        {
            return RouterSessionOutcome.RouterMisconfigured;
        }

        // 1.4/1.5 stop at "Another confirm is pending" (sagitta/circinus:python/vyos/config_mgmt.py commit_confirm
        // returns 1 before arming or committing); 1.3 goes on to commit, so only a commit failure refuses it there.
        if (VyosOutputClassifier.IsLockBusy(commit.Output)
            || (routerVersion != VyosVersion.V1_3 && VyosOutputClassifier.IsConfirmPending(commit.Output)))
        {
            return RouterSessionOutcome.LockBusy;
        }

        if (VyosOutputClassifier.IsNothingToCommit(commit.Output))
        {
            return RouterSessionOutcome.NoChange;
        }

        if (commit.Prompt != VyosPromptKind.Configuration || VyosOutputClassifier.IsCommitFailure(commit.Output))
        {
            return RouterSessionOutcome.Rejected;
        }

        return null;
    }

    private async Task<RouterSessionResult> DiscardAsync(
        RouterSessionOutcome outcome, string? message, string? failedCommand, CancellationToken cancellationToken)
    {
        if (inConfigurationMode)
        {
            try
            {
                await cli.RunAsync("exit discard", cancellationToken).ConfigureAwait(false);
                inConfigurationMode = false;
                await LeaveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RouterChannelException)
            {
                // Nothing was committed; VyOS drops an uncommitted session when its shell ends.
            }
        }

        return Result(outcome, message, failedCommand);
    }

    /// <summary>
    /// Best effort after a failure before the commit: while the channel is open, <c>exit discard</c> within
    /// <see cref="DiscardTimeout"/>, whatever the caller's token says. A router that does not answer in time drops the
    /// uncommitted session anyway when the shell ends.
    /// </summary>
    private async Task TryDiscardAfterFailureAsync()
    {
        if (!inConfigurationMode || cli.IsClosed) return;
        using var bounded = new CancellationTokenSource(DiscardTimeout);
        try
        {
            await cli.RunAsync("exit discard", bounded.Token).ConfigureAwait(false);
            inConfigurationMode = false;
            await LeaveAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RouterChannelException or OperationCanceledException)
        {
            // The session ends with the channel either way; the original failure is what the caller needs to see.
        }
    }

    private async Task LeaveAsync(CancellationToken cancellationToken) =>
        await cli.SendWithoutReplyAsync("exit", cancellationToken).ConfigureAwait(false);

    private RouterSessionResult Result(
        RouterSessionOutcome outcome, string? message, string? failedCommand = null, string? readBack = null) =>
        new(outcome, message, failedCommand, cli.Transcript, readBack, saved, MayHaveCommitted: stage != Stage.Preparing);
}
