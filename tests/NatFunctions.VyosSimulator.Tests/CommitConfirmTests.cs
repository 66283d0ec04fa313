namespace NatFunctions.VyosSimulator.Tests;

/// <summary>
/// commit-confirm per release: equuleus vyatta-config-mgmt scripts/vyatta-config-mgmt.pl (action commit-confirm),
/// sagitta python/vyos/config_mgmt.py <c>commit_confirm</c> and src/helpers/commit-confirm-notify.py, vyos-1x current
/// (1.5) config_mgmt.py <c>revert_soft</c>, and vyatta-cfg functions/interpreter/vyatta-cfg-run
/// <c>vyatta_config_commit-confirm</c>, which arms the timer before it commits.
/// </summary>
public sealed class CommitConfirmTests
{
    private const string Base = "set interfaces ethernet eth0 address '192.0.2.1/24'\nset system config-management commit-revisions '100'\nset system host-name 'vyos'\n";
    private const string ZoneUtc = "set system time-zone 'UTC'";
    private const string ShowConfiguration = "source /opt/vyatta/etc/functions/script-template\nrun show configuration commands";
    private const string ForwardWithoutTranslation = "set nat destination rule 10 inbound-interface name 'eth0'";

    [Fact]
    public void Version_1_3_answers_proceed_with_one_key_and_reboots_into_the_saved_config()
    {
        using var router = new SimulatedRouterState(Base);

        // "y" then Enter: the key answers, the Enter is left for the shell (an empty command line).
        var console = router.Open(VyosRelease.V1_3, "y");
        console.RunAll("configure", ZoneUtc);

        var printed = console.Run("commit-confirm 2");

        Assert.Equal("commit confirm will be automatically reboot in 2 minutes unless confirmed\nProceed? [confirm]\n", printed);
        Assert.Contains(ZoneUtc, router.ActiveConfig, StringComparison.Ordinal);

        router.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Throws<SessionDroppedException>(() => console.Run("run show configuration commands"));
        Assert.Equal(Base, router.ActiveConfig);
    }

    [Fact]
    public void Version_1_3_another_confirm_pending_is_printed_and_the_commit_still_runs()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.V1_3, "y");
        console.RunAll("configure", ZoneUtc, "commit-confirm 5", "set system domain-name 'example.net'");

        Assert.Equal("Another confirm is pending\n", console.Run("commit-confirm 5"));
        Assert.Contains("domain-name", router.ActiveConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_3_refuses_without_commit_revisions_in_the_active_config()
    {
        using var router = new SimulatedRouterState("set system host-name 'vyos'\n");
        var console = router.Open(VyosRelease.V1_3, "y");
        console.RunAll("configure", "set system config-management commit-revisions '20'", ZoneUtc);

        Assert.Equal("commit-revisions is not configured.\n\n", console.Run("commit-confirm 2"));
        Assert.DoesNotContain("time-zone", router.ActiveConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_4_arms_the_reboot_before_the_commit_and_leaves_it_armed_when_the_commit_fails()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.V1_4, "y");
        console.RunAll("configure", ForwardWithoutTranslation);

        var printed = console.Run("commit-confirm 2");

        Assert.Equal(
            "\ncommit-confirm will automatically reboot in 2 minutes unless changes\nare confirmed.\n\nProceed ? [Y/n] \n"
            + "Initialized commit-confirm; 2 minutes to confirm before reboot\n"
            + "\nDestination NAT configuration error in rule 10: translation requires\naddress and/or port\n\n"
            + "[[nat]] failed\nCommit failed\n",
            printed);
        console.Run("exit discard");

        var other = router.Open(VyosRelease.V1_4, "y");
        other.RunAll("configure", ZoneUtc);
        Assert.Equal("Another confirm is pending\n", other.Run("commit-confirm 2"));
        Assert.DoesNotContain("time-zone", router.ActiveConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commit_confirm_that_meets_the_commit_lock_stays_armed()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.V1_4, "y");
        console.RunAll("configure", ZoneUtc);

        using (new State.StateDirectory(router.Directory).TryAcquireCommitLock())
        {
            Assert.EndsWith(
                "Initialized commit-confirm; 2 minutes to confirm before reboot\nConfiguration system temporarily locked due to another commit in progress\n",
                console.Run("commit-confirm 2"),
                StringComparison.Ordinal);
        }

        Assert.Equal(Base, router.ActiveConfig);
        // The locked commit ran no post-commit hook, so /tmp/commit-rev-entry is missing: the timer is stopped, then
        // sagitta:python/vyos/config_mgmt.py confirm() fails in _read_tmp_log_entry.
        var confirm = console.Run("confirm");
        Assert.StartsWith("Traceback (most recent call last):\n", confirm, StringComparison.Ordinal);
        Assert.EndsWith("UnboundLocalError: cannot access local variable 'entry' where it is not associated with a value\n", confirm, StringComparison.Ordinal);
        Assert.Equal("No confirm pending\n", console.Run("confirm"));
    }

    [Fact]
    public void On_1_4_a_timer_whose_commit_never_ran_dies_at_its_deadline_without_rebooting()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.V1_4, "y");
        console.RunAll("configure", ZoneUtc);
        using (new State.StateDirectory(router.Directory).TryAcquireCommitLock())
        {
            console.Run("commit-confirm 2");
        }

        router.Time.Advance(TimeSpan.FromMinutes(3));

        // sagitta revert() reads the missing log entry before `systemctl reboot`: UnboundLocalError, no reboot (the
        // countdown notices went out all the same: commit-confirm-notify.py runs on its own).
        Assert.EndsWith("No confirm pending\n", console.Run("confirm"), StringComparison.Ordinal);
    }

    [Fact]
    public void On_1_4_a_refused_commit_with_commit_revisions_still_writes_the_entry_so_confirm_stops_the_timer()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.V1_4, "y");
        console.RunAll("configure", ForwardWithoutTranslation);

        var commit = console.Run("commit-confirm 2");

        Assert.Contains("Commit failed", commit, StringComparison.Ordinal);
        Assert.Equal("Reboot timer stopped\n", console.Run("confirm"));
    }

    [Fact]
    public void Version_1_4_counts_down_with_headerless_wall_notices_then_reboots()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.V1_4, "y");
        console.RunAll("configure", ZoneUtc, "commit-confirm 10");

        // commit-confirm-notify.py 10: notices at 5 and 1 minute(s) left (10 itself is dropped).
        router.Time.Advance(TimeSpan.FromMinutes(5));
        var blank = new string(' ', 79) + "\r\n";
        Assert.Equal(
            blank + "[commit-confirm] System is going to reboot in 5 minutes to rollback the last commit.\nConfirm your changes to cancel the reboot.\r\n" + blank,
            console.Run(string.Empty));

        router.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Contains("reboot in 1 minute to rollback", console.Run(string.Empty), StringComparison.Ordinal);

        router.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Throws<SessionDroppedException>(() => console.Run(string.Empty));
        Assert.Equal(Base, router.ActiveConfig);
    }

    [Fact]
    public void A_reboot_refuses_logins_until_the_router_is_back_with_its_config_boot()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.V1_4, "y");
        console.RunAll("configure", ZoneUtc, "commit-confirm 1");

        router.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((string.Empty, string.Empty, 255), router.RunShell(VyosRelease.V1_4, ShowConfiguration));

        router.Time.Advance(TimeSpan.FromMilliseconds(SimulatedRouterState.RebootMilliseconds));
        Assert.Equal((Base, string.Empty, 0), router.RunShell(VyosRelease.V1_4, ShowConfiguration));
    }

    [Fact]
    public void Version_1_5_reloads_the_previous_config_and_announces_it_without_a_header()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.V1_5, "y");
        console.RunAll("configure", "set system domain-name 'example.net'", "commit", ZoneUtc);
        var beforeConfirmedCommit = router.ActiveConfig;

        var printed = console.Run("commit-confirm 2");

        Assert.Equal(
            "\ncommit-confirm will automatically reload previous config in 2 minutes\nunless changes are confirmed.\nProceed ? [Y/n] \n"
            + "Initialized commit-confirm; 2 minutes to confirm before reload\n",
            printed);

        // current commit-confirm-notify.py 2: one countdown notice, with 1 minute left.
        router.Time.Advance(TimeSpan.FromMinutes(1));
        var blank = new string(' ', 79) + "\r\n";
        Assert.Equal(
            blank + "[commit-confirm] System will reload previous config in 1 minute\nto rollback the last commit.\nConfirm your changes to cancel the reload.\r\n" + blank,
            console.Run(string.Empty));

        router.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(
            blank + "[commit-confirm] Reverting to previous config now\r\n" + blank + beforeConfirmedCommit,
            console.Run("run show configuration commands"));
        Assert.DoesNotContain("time-zone", router.ActiveConfig, StringComparison.Ordinal);
    }

    /// <summary>
    /// current:python/vyos/config_mgmt.py compares the whole <c>commit-confirm</c> node (a dict since 64196ec5f moved
    /// <c>action</c> under it) with the string <c>'reboot'</c>, so <c>action reboot</c> changes nothing: 1.5 reloads.
    /// </summary>
    [Fact]
    public void Version_1_5_with_action_reboot_still_asks_to_reload_and_reloads()
    {
        // In VyOS order, as the reload prints it back.
        var withActionReboot = Base.Replace("set system config-management", "set system config-management commit-confirm action 'reboot'\nset system config-management", StringComparison.Ordinal);
        using var router = new SimulatedRouterState(withActionReboot);
        var console = router.Open(VyosRelease.V1_5, "y");
        console.RunAll("configure", ZoneUtc);
        var beforeCommitConfirm = router.ActiveConfig;

        Assert.Equal(
            "\ncommit-confirm will automatically reload previous config in 2 minutes\nunless changes are confirmed.\nProceed ? [Y/n] \n"
            + "Initialized commit-confirm; 2 minutes to confirm before reload\n",
            console.Run("commit-confirm 2"));

        router.Time.Advance(TimeSpan.FromMinutes(2));
        var blank = new string(' ', 79) + "\r\n";
        Assert.Equal(
            blank + "[commit-confirm] System will reload previous config in 1 minute\nto rollback the last commit.\nConfirm your changes to cancel the reload.\r\n" + blank
            + blank + "[commit-confirm] Reverting to previous config now\r\n" + blank + beforeCommitConfirm,
            console.Run("run show configuration commands"));
        Assert.Null(new NatFunctions.VyosSimulator.State.StateDirectory(router.Directory).Read(CancellationToken.None).Reboot);
    }

    [Fact]
    public void Commit_revisions_takes_VyOS_range_and_text()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.V1_4);
        console.Run("configure");

        // sagitta system_config-management.xml.in: numeric --range 1-65535, message says 0.
        Assert.Equal(
            "\n  Number is not in any of allowed ranges\n  \n  \n  \n  Number of revisions must be between 0 and 65535\n  Value validation failed\n  Set failed\n\n",
            console.Run("set system config-management commit-revisions 0"));
    }

    [Theory]
    [InlineData("1.3", "")]
    [InlineData("1.4", "Reboot timer stopped\n")]
    [InlineData("1.5", "Reload timer stopped\n")]
    public void Confirm_keeps_the_change_after_the_deadline(string version, string confirmText)
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.Parse(version), "y");
        console.RunAll("configure", ZoneUtc, "commit-confirm 1");

        Assert.Equal(confirmText, console.Run("confirm"));
        router.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Contains(ZoneUtc, console.Run("run show configuration commands"), StringComparison.Ordinal);
        Assert.Equal("No confirm pending\n", console.Run("confirm"));
    }

    [Theory]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public void Answering_no_arms_nothing_and_commits_nothing(string version)
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.Parse(version), "n");
        console.RunAll("configure", ZoneUtc);

        Assert.EndsWith("Proceed ? [Y/n] \ncommit-confirm canceled\n", console.Run("commit-confirm 2"), StringComparison.Ordinal);
        Assert.Equal("No confirm pending\n", console.Run("confirm"));
        Assert.Equal(Base, router.ActiveConfig);
    }

    [Fact]
    public void Without_changes_nothing_is_armed()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosRelease.V1_4, "y");
        console.Run("configure");

        Assert.Equal("No configuration changes to commit\n", console.Run("commit-confirm 2"));
        Assert.Equal("No confirm pending\n", console.Run("confirm"));
    }
}
