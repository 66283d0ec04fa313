namespace NatFunctions.VyosSimulator.State;

/// <summary>A pending commit-confirm: when it expires and which configuration it goes back to (null: the saved one).</summary>
internal sealed record CommitConfirmState(DateTimeOffset Deadline, int Minutes, string? RevertConfig);
