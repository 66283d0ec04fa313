using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Vyos;

public sealed class RunningVyosVersionTests
{
    // The layout of sagitta:src/op_mode/version.py's template (circinus prints the same lines).
    private const string Sagitta = """
        Version:          VyOS 1.4.0
        Release train:    sagitta
        Release flavor:   generic

        Built by:         autobuild@vyos.net
        Built on:         Mon 19 Feb 2024 10:00 UTC
        Build UUID:       3f1a
        Build commit ID:  9f0e

        Architecture:     x86_64
        Boot via:         installed image
        System type:      KVM guest

        Hardware vendor:  QEMU
        Hardware model:   Standard PC (i440FX + PIIX, 1996)
        Hardware S/N:
        Hardware UUID:    0f4a

        Copyright:        VyOS maintainers and contributors
        """;

    [Theory]
    [InlineData("1.3.8", "equuleus", "1.3")]
    [InlineData("1.3-rolling-202301010000", "equuleus", "1.3")]
    [InlineData("1.4.0-epa1", "sagitta", "1.4")]
    [InlineData("1.4.3", "sagitta", "1.4")]
    [InlineData("1.4-rolling-202308240020", "sagitta", "1.4")]
    [InlineData("1.5-rolling-202409250007", "circinus", "1.5")]
    [InlineData("1.5-stream-2025-Q1", "circinus", "1.5")]
    [InlineData("2025.01.13-0020-rolling", "circinus", "1.5")]
    public void Maps_releases_rolling_and_stream_images_to_their_line(string version, string train, string line)
    {
        var running = RunningVyosVersion.Parse($"\nVersion:          VyOS {version}\nRelease train:    {train}\n");

        Assert.Equal(version, running.VersionText);
        Assert.Equal(train, running.ReleaseTrain);
        Assert.Equal(VyosVersion.Parse(line), running.Line);
    }

    [Fact]
    public void Reads_the_whole_op_mode_template()
    {
        var running = RunningVyosVersion.Parse(Sagitta);

        Assert.Equal("1.4.0", running.VersionText);
        Assert.Equal(VyosVersion.V1_4, running.Line);
        Assert.False(running.Contradicts(VyosVersion.V1_4));
        Assert.True(running.Contradicts(VyosVersion.V1_5));
        Assert.Equal("VyOS 1.4.0 (release train sagitta)", running.Description);
    }

    [Fact]
    public void The_version_number_wins_over_the_release_train()
    {
        var running = RunningVyosVersion.Parse("Version:          VyOS 1.4.1\nRelease train:    circinus\n");

        Assert.Equal(VyosVersion.V1_4, running.Line);
    }

    [Theory]
    [InlineData("Version:          VyOS 2025.06.01-0019-rolling\nRelease train:    current\n")]
    [InlineData("Version:          VyOS 1.2.9-S1\nRelease train:    crux\n")]
    [InlineData("Invalid command: show [version]\n")]
    [InlineData("")]
    public void Anything_else_is_unknown_and_contradicts_no_setting(string output)
    {
        var running = RunningVyosVersion.Parse(output);

        Assert.Null(running.Line);
        Assert.All(VyosVersion.All, configured => Assert.False(running.Contradicts(configured)));
    }

    [Fact]
    public void The_mismatch_message_names_both_versions_and_the_fix()
    {
        var running = RunningVyosVersion.Parse("Version:          VyOS 1.5-rolling-202409250007\nRelease train:    circinus\n");

        var message = running.MismatchMessage("edge", VyosVersion.V1_4);

        Assert.Contains("VyOS 1.5-rolling-202409250007 (release train circinus), which is VyOS 1.5", message, StringComparison.Ordinal);
        Assert.Contains("Routers:edge:VyosVersion is 1.4", message, StringComparison.Ordinal);
        Assert.Contains("Set Routers:edge:VyosVersion to 1.5", message, StringComparison.Ordinal);
    }
}
