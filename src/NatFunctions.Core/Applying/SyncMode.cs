namespace NatFunctions.Core.Applying;

/// <summary>Setting <c>Sync:Mode</c>: what the timer and the manual sync do with drift.</summary>
public enum SyncMode
{
    /// <summary><c>repair</c>: converge the router to the database.</summary>
    Repair,

    /// <summary>
    /// <c>report</c>: plan and record the drift, change nothing. API writes still apply their own pending changes
    /// (additions, replacements of pending rows, deletions of objects whose rows are gone), not drift on applied rows.
    /// </summary>
    Report,
}
