using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Audit;

/// <summary>One audited router session as the API shows it; the command text is split into its lines.</summary>
public sealed record ChangeView(
    long Id,
    string Router,
    DateTime StartedAt,
    DateTime? FinishedAt,
    ChangeTrigger Trigger,
    string? Actor,
    IReadOnlyList<string> Commands,
    ChangeResult Result,
    string? RouterOutput,
    DriftCounts Drift)
{
    public static ChangeView From(RouterChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new ChangeView(
            change.Id,
            change.Router,
            change.StartedAt,
            change.FinishedAt,
            change.Trigger,
            change.Actor,
            SplitCommands(change.Commands),
            change.Result,
            change.RouterOutput,
            new DriftCounts(change.DriftMissing, change.DriftChanged, change.DriftExtra, change.UnmanagedSeen));
    }

    // Stored one command per line; a session that sent nothing stores the empty string, which is no commands at all.
    private static IReadOnlyList<string> SplitCommands(string commands) =>
        string.IsNullOrEmpty(commands) ? [] : commands.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
}
