namespace NatFunctions.Core.Vyos;

/// <summary>The VyOS release line of a router; it selects the configuration syntax.</summary>
public sealed record VyosVersion : IComparable<VyosVersion>
{
    public static readonly VyosVersion V1_3 = new(1, 3);
    public static readonly VyosVersion V1_4 = new(1, 4);
    public static readonly VyosVersion V1_5 = new(1, 5);

    public static IReadOnlyList<VyosVersion> All { get; } = [V1_3, V1_4, V1_5];

    private VyosVersion(int major, int minor)
    {
        Major = major;
        Minor = minor;
    }

    public int Major { get; }

    public int Minor { get; }

    /// <summary>1.4 moved NAT's <c>inbound-interface</c> to a node with <c>name</c>/<c>group</c> children.</summary>
    public bool HasInboundInterfaceNode => this.CompareTo(V1_4) >= 0;

    /// <summary>1.4 replaced ISC DHCP with Kea and renamed the static-mapping leaf <c>mac-address</c> to <c>mac</c>.</summary>
    public string DhcpStaticMappingMacLeaf => this.CompareTo(V1_4) >= 0 ? "mac" : "mac-address";

    public static VyosVersion Parse(string text) =>
        TryParse(text, out var version) ? version! : throw new FormatException($"Unknown VyOS version '{text}', expected 1.3, 1.4 or 1.5.");

    public static bool TryParse(string? text, out VyosVersion? version)
    {
        version = All.FirstOrDefault(candidate => candidate.ToString() == text?.Trim());
        return version is not null;
    }

    public int CompareTo(VyosVersion? other) =>
        other is null ? 1 : Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => $"{Major}.{Minor}";
}
