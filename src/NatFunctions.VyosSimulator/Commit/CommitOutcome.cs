namespace NatFunctions.VyosSimulator;

internal enum CommitOutcome
{
    Committed,
    NoChanges,
    Failed,

    /// <summary>Another commit held the lock: the commit algorithm never ran, nor its post-commit hooks.</summary>
    Locked,
}
