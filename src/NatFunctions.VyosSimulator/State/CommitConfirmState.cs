namespace NatFunctions.VyosSimulator.State;

/// <summary>
/// An armed commit-confirm timer: when it was armed and expires, its length in minutes and the length of a minute
/// (tests shorten it), which configuration it goes back to (null: the saved one, read at revert time), whether the
/// revert is a reboot, and which countdown notices (minutes before expiry) were already sent.
/// </summary>
internal sealed record CommitConfirmState(
    DateTimeOffset ArmedAt,
    DateTimeOffset Deadline,
    int Minutes,
    int MinuteMilliseconds,
    string? RevertConfig,
    bool Reboots,
    IReadOnlyList<int> NoticesSent);
