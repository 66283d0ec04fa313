namespace NatFunctions.Core.Routers;

/// <summary>
/// One configure session's worth of changes. <see cref="Commands"/> are already rendered and validated by Core; the
/// transport treats them as opaque, but still refuses anything that is not a single-line <c>set</c>/<c>delete</c>
/// so a rendering bug can never smuggle a second command into the router's shell.
/// </summary>
public sealed record RouterChangeRequest
{
    public RouterChangeRequest(IReadOnlyList<string> commands, int commitConfirmMinutes = 0, bool save = true)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentOutOfRangeException.ThrowIfNegative(commitConfirmMinutes);
        foreach (var command in commands)
        {
            var problem = FindProblem(command);
            if (problem is not null)
            {
                throw new ArgumentException(problem, nameof(commands));
            }
        }

        Commands = commands.ToArray();
        CommitConfirmMinutes = commitConfirmMinutes;
        Save = save;
    }

    public IReadOnlyList<string> Commands { get; }

    /// <summary>0 = plain <c>commit</c>; otherwise <c>commit-confirm N</c>, read back, then <c>confirm</c>.</summary>
    public int CommitConfirmMinutes { get; }

    /// <summary>The line that commits: <c>commit-confirm N</c> or <c>commit</c>.</summary>
    public string CommitCommand => CommitConfirmMinutes > 0
        ? "commit-confirm " + CommitConfirmMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "commit";

    /// <summary>Run <c>save</c> after a successful commit so the change survives a reboot.</summary>
    public bool Save { get; }

    /// <summary>
    /// With commit-confirm: given the active configuration read back after <c>commit-confirm</c>, says why it does not
    /// match what the caller planned (then the session does not confirm, and VyOS reverts the commit when the timer
    /// runs out), or returns null to confirm. Without it the session confirms whatever it reads back.
    /// </summary>
    public Func<string, string?>? ReadBackProblem { get; init; }

    /// <summary>
    /// Asked right before <c>commit</c>, <c>confirm</c> and <c>save</c>: true while the caller still holds the router's
    /// lease. When it answers false the session sends none of them and ends with
    /// <see cref="RouterSessionOutcome.LeaseLost"/> (<c>exit discard</c> before the commit), because another instance
    /// may be configuring the router now. Null: no lease to check.
    /// </summary>
    public Func<CancellationToken, Task<bool>>? LeaseHeld { get; init; }

    /// <summary>
    /// No commands: only finish what an earlier session committed but could not finish because its connection was
    /// lost: <c>confirm</c> (when <see cref="CommitConfirmMinutes"/> &gt; 0, so a pending commit-confirm is kept) and
    /// <c>save</c> (when <see cref="Save"/>). The caller has just read the configuration and found it as planned.
    /// </summary>
    public bool FinishOnly { get; private init; }

    /// <summary>Uses the router's configured commit-confirm and save options.</summary>
    public static RouterChangeRequest For(RouterSettings settings, IReadOnlyList<string> commands) =>
        new(commands, settings.CommitConfirmMinutes, settings.SaveAfterCommit);

    /// <summary>A <see cref="FinishOnly"/> session with the router's configured commit-confirm and save options.</summary>
    public static RouterChangeRequest Finish(RouterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RouterChangeRequest([], settings.CommitConfirmMinutes, settings.SaveAfterCommit) { FinishOnly = true };
    }

    /// <summary>Why a line may not be sent to a router's configure mode, or null when it may.</summary>
    public static string? FindProblem(string? command)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            return "a router command must not be empty";
        }

        if (command.Any(char.IsControl))
        {
            return $"a router command must not contain control characters (newline, tab, escape…): '{Printable(command)}'";
        }

        if (!command.StartsWith("set ", StringComparison.Ordinal) && !command.StartsWith("delete ", StringComparison.Ordinal))
        {
            return $"only 'set …' and 'delete …' commands may be sent, not '{command}'";
        }

        return null;
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
