using NatFunctions.VyosSimulator.Config;

namespace NatFunctions.VyosSimulator.Commit;

/// <summary>
/// A conf-mode script the simulator runs at commit: the node that owns it (<c>owner=</c> in the XML), its commit
/// priority (lower first), and whether its output reaches the terminal through vyos-configd.
/// </summary>
internal sealed record ConfScript(IReadOnlyList<string> Path, int Priority, Func<VyosRelease, bool> RunsInConfigd, Action<ConfigStore, VyosRelease, ConfScriptRun> Verify)
{
    /// <summary>
    /// nat.xml.in: <c>owner nat.py</c>, priority 220, listed in data/configd-include.json on every branch;
    /// service dhcp-server: priority 911, configd from sagitta (equuleus's configd-include.json lacks dhcp_server.py).
    /// </summary>
    public static IReadOnlyList<ConfScript> Modelled { get; } =
    [
        new(["nat"], 220, _ => true, NatVerifier.Verify),
        new(["service", "dhcp-server"], 911, release => !release.IsEquuleus, DhcpServerVerifier.Verify),
    ];

    /// <summary>How vyatta-cfg names the node in <c>[ … ]</c> and <c>[[…]] failed</c> (Cpath to_string: words joined by spaces).</summary>
    public string DisplayPath => string.Join(' ', Path);
}
