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

    /// <summary>
    /// The static-mapping MAC leaf: <c>mac-address</c> up to 1.4 (still ISC dhcpd: sagitta:interface-definitions/service_dhcp-server.xml.in),
    /// <c>mac</c> from 1.5, where Kea came in and migration circinus:src/migration-scripts/dhcp-server/8-to-9 renamed it.
    /// </summary>
    public string DhcpStaticMappingMacLeaf => this.CompareTo(V1_5) >= 0 ? "mac" : "mac-address";

    /// <summary>
    /// 1.5 (Kea) refuses a commit unless every subnet has a unique <c>subnet-id</c>: "Unique subnet ID not specified
    /// for subnet" (circinus:src/conf_mode/service_dhcp-server.py verify()). 1.3 and 1.4 have no such leaf.
    /// </summary>
    public bool RequiresDhcpSubnetId => this.CompareTo(V1_5) >= 0;

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
