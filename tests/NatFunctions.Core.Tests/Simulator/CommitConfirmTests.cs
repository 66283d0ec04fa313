using NatFunctions.Core.Vyos;
using NatFunctions.VyosSimulator;

namespace NatFunctions.Core.Tests.Simulator;

/// <summary>
/// commit-confirm per version (docs/vyos-reference.md D): the exact question, the answer read from the next input
/// line, and what happens when the deadline passes without <c>confirm</c>: 1.3/1.4 reboot into the saved config, 1.5
/// reloads the config that was active before the commit and says so with wall.
/// </summary>
public sealed class CommitConfirmTests
{
    private const string Base = "set system config-management commit-revisions '100'\nset system host-name 'vyos'\n";
    private const string ZoneUtc = "set system time-zone 'UTC'";

    [Fact]
    public void Version_1_3_asks_proceed_confirm_and_reboots_into_the_saved_config()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosVersion.V1_3, string.Empty);
        console.RunAll("configure", ZoneUtc);

        var printed = console.Run("commit-confirm 2");

        Assert.Equal("commit confirm will be automatically reboot in 2 minutes unless confirmed\nProceed? [confirm]\n", printed);
        Assert.Contains(ZoneUtc, router.ActiveConfig, StringComparison.Ordinal);

        router.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(Base, console.Run("run show configuration commands"));
    }

    [Fact]
    public void Version_1_3_refuses_without_commit_revisions()
    {
        using var router = new SimulatedRouterState("set system host-name 'vyos'\n");
        var console = router.Open(VyosVersion.V1_3, "y");
        console.RunAll("configure", ZoneUtc);

        Assert.Equal("commit-revisions is not configured.\n", console.Run("commit-confirm 2"));
        Assert.DoesNotContain("time-zone", router.ActiveConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_4_asks_and_reboots_into_the_saved_config_without_a_notice()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosVersion.V1_4, "y");
        console.RunAll("configure", "set system domain-name 'example.net'", "commit", ZoneUtc);

        var printed = console.Run("commit-confirm 2");

        Assert.Equal(
            "\nYou should save previous commits before commit-confirm !\n"
            + "\ncommit-confirm will automatically reboot in 2 minutes unless changes\nare confirmed.\n\nProceed ? [Y/n] \n"
            + "Initialized commit-confirm; 2 minutes to confirm before reboot\n",
            printed);

        router.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(Base, console.Run("run show configuration commands"));
    }

    [Fact]
    public void Version_1_5_asks_to_reload_the_previous_config_and_announces_the_revert()
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosVersion.V1_5, "y");
        console.RunAll("configure", "set system domain-name 'example.net'", "commit", ZoneUtc);
        var beforeConfirmedCommit = router.ActiveConfig;

        var printed = console.Run("commit-confirm 2");

        Assert.Equal(
            "\nYou should save previous commits before commit-confirm !\n"
            + "\ncommit-confirm will automatically reload previous config in 2 minutes\nunless changes are confirmed.\n\nProceed ? [Y/n] \n"
            + "Initialized commit-confirm; 2 minutes to confirm before reload\n",
            printed);

        router.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(
            "\n\nBroadcast message from root@vyos (somewhere) (Wed Nov 25 17:42:01 2026):\n\n" + CliSession.RevertNotice + "\n\n" + beforeConfirmedCommit,
            console.Run("run show configuration commands"));
        Assert.Contains("domain-name", router.ActiveConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("time-zone", router.ActiveConfig, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.3", "")]
    [InlineData("1.4", "Reboot timer stopped\n")]
    [InlineData("1.5", "Reload timer stopped\n")]
    public void Confirm_keeps_the_change_after_the_deadline(string version, string confirmText)
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosVersion.Parse(version), "y");
        console.RunAll("configure", ZoneUtc, "commit-confirm 1");

        Assert.Equal(confirmText, console.Run("confirm"));
        router.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(Base + ZoneUtc + "\n", SortedLines(console.Run("run show configuration commands")));
        Assert.Equal("No confirm pending\n", console.Run("confirm"));
    }

    [Theory]
    [InlineData("1.4")]
    [InlineData("1.5")]
    public void Answering_no_commits_nothing(string version)
    {
        using var router = new SimulatedRouterState(Base);
        var console = router.Open(VyosVersion.Parse(version), "n");
        console.RunAll("configure", ZoneUtc);

        Assert.EndsWith("Proceed ? [Y/n] \ncommit-confirm canceled\n", console.Run("commit-confirm 2"), StringComparison.Ordinal);
        Assert.Equal(Base, router.ActiveConfig);
    }

    private static string SortedLines(string text) =>
        string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).Select(line => line + "\n"));
}
