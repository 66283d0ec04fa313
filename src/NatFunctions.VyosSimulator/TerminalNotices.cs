using System.Globalization;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// Texts other processes write onto a session's terminal, byte for byte as they write them (the pty may add its own
/// carriage returns on top): <c>wall -n</c> and <c>write</c> from util-linux, and the messages VyOS sends with them.
/// </summary>
internal static class TerminalNotices
{
    /// <summary>util-linux wall.c <c>makemsg</c> without banner: a line of 79 spaces, the message (argv), CRLF, 79 spaces.</summary>
    public static string Wall(string message)
    {
        var blank = new string(' ', 79) + "\r\n";
        return blank + message + "\r\n" + blank;
    }

    /// <summary>
    /// The commit-confirm countdown (<c>src/helpers/commit-confirm-notify.py</c>): sagitta's text; 1.5 (vyos-1x
    /// current) the reload wording, as config_mgmt.py starts it without <c>--reboot</c> (reboot_unconfirmed is never
    /// true there, see CliSession). Null on 1.3, which schedules the revert with <c>at</c> and sends nothing.
    /// </summary>
    public static string? CommitConfirmCountdown(VyosRelease release, int minutesLeft)
    {
        var plural = minutesLeft == 1 ? string.Empty : "s";
        if (release.IsEquuleus) return null;
        if (release.IsSagitta)
        {
            return $"[commit-confirm] System is going to reboot in {minutesLeft} minute{plural} to rollback the last commit.\nConfirm your changes to cancel the reboot.";
        }

        return $"[commit-confirm] System will reload previous config in {minutesLeft} minute{plural}\nto rollback the last commit.\nConfirm your changes to cancel the reload.";
    }

    /// <summary>vyos-1x current python/vyos/config_mgmt.py <c>revert_soft</c>: <c>wall -n</c> before it reloads.</summary>
    public const string SoftRevertMessage = "[commit-confirm] Reverting to previous config now";

    /// <summary>
    /// commit-confirm-notify.py: the minutes-left values it announces, for a timer of <paramref name="minutes"/>:
    /// 60, 15, 5 and 1 that are not above the timer, without the timer's own length.
    /// </summary>
    public static IEnumerable<int> CountdownPoints(int minutes) =>
        new[] { 60, 15, 5, 1 }.Where(interval => interval != minutes && interval <= minutes);

    /// <summary>
    /// vyatta-cfg scripts/vyatta-cfg-notify, run after a commit that changed something: <c>sudo write USER TTY</c> to
    /// every other configuration session, framed as util-linux write.c does (bells, "Message from …", CRLF lines, EOF).
    /// </summary>
    public static string ConfigurationChanged(string user, string host, string tty, DateTimeOffset time)
    {
        var clock = time.ToString("HH:mm", CultureInfo.InvariantCulture);
        return $"\r\n\a\a\aMessage from {user}@{host} (as root) on {tty} at {clock} ...\r\n"
            + $"Active configuration has been changed by user '{user}' on '{tty}'.\r\n"
            + "Please make sure you do not have conflicting changes. You can also discard\r\n"
            + "the current changes by issuing 'exit discard'.\r\n"
            + "EOF\r\n";
    }
}
