namespace NatFunctions.VyosSimulator.State;

/// <summary>
/// What all sessions share: the active (committed) and saved configurations, an armed commit-confirm, and, while the
/// router reboots, when it went down and when it answers again.
/// </summary>
internal sealed record RouterState(string ActiveConfig, string SavedConfig, CommitConfirmState? PendingConfirm, RebootWindow? Reboot = null);
