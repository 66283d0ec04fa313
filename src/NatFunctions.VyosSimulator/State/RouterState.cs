namespace NatFunctions.VyosSimulator.State;

/// <summary>
/// What all sessions share: the active (committed) and saved configurations, an armed commit-confirm, and the last
/// reboot (when it went down and when it answered again; sessions older than it are gone).
/// </summary>
internal sealed record RouterState(string ActiveConfig, string SavedConfig, CommitConfirmState? PendingConfirm, RebootWindow? Reboot = null);
