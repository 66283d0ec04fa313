namespace NatFunctions.Core.Applying;

public enum ReconcileKind
{
    /// <summary>Apply the whole plan: pending changes and drift repair.</summary>
    Repair,

    /// <summary>Apply only what pending rows need (and deletions of objects whose rows are gone); leave drift on applied rows.</summary>
    PendingOnly,

    /// <summary>Plan and record the drift; send nothing.</summary>
    Report,

    /// <summary>Plan only: no lease, nothing sent, nothing recorded.</summary>
    DryRun,
}
