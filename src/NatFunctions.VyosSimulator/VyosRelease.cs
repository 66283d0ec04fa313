namespace NatFunctions.VyosSimulator;

/// <summary>
/// The VyOS release line the simulator plays, with the vyos-1x branch its behaviour is read from:
/// 1.3 = equuleus, 1.4 = sagitta, 1.5 = circinus (commit-confirm from <c>current</c>, see decision 0018).
/// </summary>
internal sealed record VyosRelease
{
    public static readonly VyosRelease V1_3 = new("1.3", "equuleus", "1.3.8");
    public static readonly VyosRelease V1_4 = new("1.4", "sagitta", "1.4.0");
    public static readonly VyosRelease V1_5 = new("1.5", "circinus", "1.5-stream-2025-Q1");

    public static IReadOnlyList<VyosRelease> All { get; } = [V1_3, V1_4, V1_5];

    private VyosRelease(string name, string branch, string fullVersion)
    {
        Name = name;
        Branch = branch;
        FullVersion = fullVersion;
    }

    /// <summary>"1.3", "1.4" or "1.5", as given on the command line.</summary>
    public string Name { get; }

    /// <summary>The vyos-1x branch (also <c>show version</c>'s release train).</summary>
    public string Branch { get; }

    /// <summary>What <c>show version</c> prints after "VyOS".</summary>
    public string FullVersion { get; }

    public bool IsEquuleus => this == V1_3;

    public bool IsSagitta => this == V1_4;

    public bool IsCircinus => this == V1_5;

    /// <summary>sagitta+ nat.xml.in: <c>inbound-interface</c>/<c>outbound-interface</c> are nodes with <c>name</c>/<c>group</c>.</summary>
    public bool HasInterfaceNodes => !IsEquuleus;

    /// <summary>
    /// The static-mapping MAC leaf: <c>mac-address</c> in equuleus dhcp-server.xml.in and sagitta
    /// service_dhcp-server.xml.in (ISC dhcpd), <c>mac</c> (include/interface/mac.xml.i) in circinus (Kea; migration
    /// dhcp-server/8-to-9 renames it).
    /// </summary>
    public string StaticMappingMacLeaf => IsCircinus ? "mac" : "mac-address";

    public static VyosRelease Parse(string text) =>
        All.FirstOrDefault(release => release.Name == text.Trim())
        ?? throw new FormatException($"Unknown VyOS version '{text}', expected 1.3, 1.4 or 1.5.");

    public override string ToString() => Name;
}
