namespace NatFunctions.Core.Vyos;

/// <summary>Configuration paths of the objects the product manages, per VyOS version.</summary>
public static class VyosPaths
{
    private static readonly string[] InboundInterfaceLeaf = ["inbound-interface"];
    private static readonly string[] InboundInterfaceNode = ["inbound-interface", "name"];

    public static IReadOnlyList<string> NatDestinationRules { get; } = ["nat", "destination", "rule"];

    public static IReadOnlyList<string> DhcpSharedNetworks { get; } = ["service", "dhcp-server", "shared-network-name"];

    public static IReadOnlyList<string> NatDestinationRule(int number) => [.. NatDestinationRules, number.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    public static IReadOnlyList<string> DhcpStaticMapping(string sharedNetwork, string subnet, string name) =>
        [.. DhcpSharedNetworks, sharedNetwork, "subnet", subnet, "static-mapping", name];

    /// <summary>The words under a rule that hold the inbound interface name (1.3: the leaf itself; 1.4+: its <c>name</c> child).</summary>
    public static IReadOnlyList<string> InboundInterfaceName(VyosVersion version) => InboundInterfaceNameWords(version);

    /// <summary><see cref="InboundInterfaceName"/> as a shared array (read on every rule of every reconcile).</summary>
    internal static string[] InboundInterfaceNameWords(VyosVersion version) =>
        version.HasInboundInterfaceNode ? InboundInterfaceNode : InboundInterfaceLeaf;
}
