namespace NatFunctions.VyosSimulator;

internal enum CommitOutcome
{
    Committed,
    NoChanges,
    Failed,
}
