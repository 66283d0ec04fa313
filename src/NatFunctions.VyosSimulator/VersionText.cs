namespace NatFunctions.VyosSimulator;

/// <summary>
/// <c>show version</c>: equuleus src/op_mode/show_version.py prints its template as rendered (it starts with a blank
/// line); sagitta+ src/op_mode/version.py strips it (and adds <c>Release flavor</c>).
/// </summary>
internal static class VersionText
{
    public static string For(VyosRelease release)
    {
        var flavor = release.IsEquuleus ? string.Empty : "Release flavor:   generic\n";
        var text = $"""
            Version:          VyOS {release.FullVersion}
            Release train:    {release.Branch}
            {flavor}
            Built by:         autobuild@vyos.net
            Built on:         Mon 02 Sep 2024 10:00 UTC
            Build UUID:       5d1c8f2e-0b7a-4c1e-9a51-3f0b7c2d9e44
            Build commit ID:  3710c5879f5733

            Architecture:     x86_64
            Boot via:         installed image
            System type:      KVM guest

            Hardware vendor:  QEMU
            Hardware model:   Standard PC (Q35 + ICH9, 2009)
            Hardware S/N:     
            Hardware UUID:    2f6c3b1e-8d4a-4e0f-b7c2-91a5d3e6f780

            Copyright:        VyOS maintainers and contributors
            """.Replace("\r\n", "\n", StringComparison.Ordinal).Replace($"{release.Branch}\n\n\n", $"{release.Branch}\n\n", StringComparison.Ordinal);
        return release.IsEquuleus ? "\n" + text + "\n" : text + "\n";
    }
}
