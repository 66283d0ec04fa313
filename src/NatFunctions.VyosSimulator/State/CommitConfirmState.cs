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
    IReadOnlyList<int> NoticesSent)
{
    /// <summary>
    /// 1.4/1.5: the commit under this commit-confirm reached the post-commit hooks with commit-revisions configured, so
    /// the hook 01vyos-commit-revision (sagitta:src/conf_mode/system_config-management.py) wrote /tmp/commit-rev-entry
    /// (sagitta:python/vyos/config_mgmt.py commit_revision with IN_COMMIT_CONFIRM). <c>confirm</c> and <c>revert</c>
    /// read that file first; without it both fail with UnboundLocalError (_read_tmp_log_entry).
    /// </summary>
    public bool RevisionEntryWritten { get; init; }
}
