namespace NatFunctions.Infrastructure.Routers;

/// <summary>
/// What VyOS's output says about commit-confirm's revert timer. VyOS arms it before the commit runs, so a commit that
/// then fails or meets the commit lock leaves it armed:
/// <list type="bullet">
/// <item>1.3: vyatta-config-mgmt.pl <c>--action=commit-confirm</c> (vyos/vyatta-config-mgmt equuleus) asks
/// "Proceed? [confirm]", schedules the rollback-and-reboot with <c>at</c>, then vyatta-cfg's <c>vyatta-cfg-run</c>
/// commits. Armed once the question was answered, unless it printed "commit-confirm canceled" or
/// "Error: unable to schedule reboot". Its <c>confirm</c> removes the job and prints nothing.</item>
/// <item>1.4/1.5: <c>config-mgmt commit_confirm</c> (sagitta/circinus:python/vyos/config_mgmt.py) starts a systemd
/// timer and prints "Initialized commit-confirm; N minutes to confirm before reboot", then the commit runs. Its
/// <c>confirm</c> stops the timer and prints "Reboot timer stopped" ("No confirm pending" with none); after a failed
/// commit it stops the timer and then fails reading the commit log entry the commit never wrote, an
/// <c>UnboundLocalError</c> traceback: the timer is stopped all the same.</item>
/// </list>
/// </summary>
internal static class CommitConfirmTimer
{
    /// <summary>1.3's question, answered with one key: "Proceed? [confirm]" (1.4/1.5 ask "Proceed ? [Y/n]").</summary>
    public static bool IsOneThreeQuestion(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.TrimEnd().EndsWith("[confirm]", StringComparison.Ordinal);
    }

    /// <param name="answeredOneThreeQuestion">1.3 asked "Proceed? [confirm]" and got its answer: the job is scheduled next.</param>
    /// <param name="output">What the commit printed after the question (or after the command when none was asked).</param>
    public static bool WasArmed(bool answeredOneThreeQuestion, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Contains("Initialized commit-confirm", StringComparison.Ordinal)) return true;
        return answeredOneThreeQuestion
            && !output.Contains("commit-confirm canceled", StringComparison.Ordinal)
            && !output.Contains("Error: unable to schedule reboot", StringComparison.Ordinal);
    }

    public static bool IsCancelledBy(string confirmOutput)
    {
        ArgumentNullException.ThrowIfNull(confirmOutput);
        if (confirmOutput.Contains("Reboot timer stopped", StringComparison.Ordinal)
            || confirmOutput.Contains("Reload timer stopped", StringComparison.Ordinal)
            || confirmOutput.Contains("No confirm pending", StringComparison.Ordinal))
        {
            return true;
        }

        // 1.4/1.5 after a failed commit: stopped first, then the missing log entry.
        if (confirmOutput.Contains("UnboundLocalError", StringComparison.Ordinal)) return true;
        // 1.3 prints nothing when it removed the job.
        return confirmOutput.Trim().Length == 0;
    }
}
