namespace NatFunctions.VyosSimulator.State;

/// <summary>What all sessions share: the active (committed) and saved configurations, and a pending commit-confirm.</summary>
internal sealed record RouterState(string ActiveConfig, string SavedConfig, CommitConfirmState? PendingConfirm);
