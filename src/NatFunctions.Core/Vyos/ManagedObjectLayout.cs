namespace NatFunctions.Core.Vyos;

/// <summary>
/// The leaves of the objects the product writes, per VyOS version, in the order VyOS prints them (children sorted
/// by name, so fields that share a parent node are next to each other). One list serves rendering, validating and
/// comparing an object with a router's node, so the three cannot disagree on a field.
/// </summary>
internal static class ManagedObjectLayout
{
    private static readonly Dictionary<VyosVersion, ConfigLeafField<NatDestinationRule>[]> Rules =
        VyosVersion.All.ToDictionary(version => version, RuleFields);

    private static readonly Dictionary<VyosVersion, ConfigLeafField<DhcpStaticMapping>[]> Mappings =
        VyosVersion.All.ToDictionary(version => version, MappingFields);

    public static IReadOnlyList<ConfigLeafField<NatDestinationRule>> NatDestinationRule(VyosVersion version) => Rules[version];

    public static IReadOnlyList<ConfigLeafField<DhcpStaticMapping>> DhcpStaticMapping(VyosVersion version) => Mappings[version];

    private static ConfigLeafField<NatDestinationRule>[] RuleFields(VyosVersion version) =>
    [
        ConfigLeafField<NatDestinationRule>.Valued(["description"], rule => rule.Description, value => VyosFieldValues.Description(value, version)),
        ConfigLeafField<NatDestinationRule>.Valued(["destination", "address"], rule => rule.DestinationAddress, VyosFieldValues.Ipv4AddressOrNetwork),
        ConfigLeafField<NatDestinationRule>.Valued(["destination", "port"], rule => rule.DestinationPort, VyosFieldValues.PortOrRange),
        ConfigLeafField<NatDestinationRule>.Valueless(["disable"], rule => rule.Disabled),
        ConfigLeafField<NatDestinationRule>.Valueless(["exclude"], rule => rule.Exclude),
        ConfigLeafField<NatDestinationRule>.Valued(VyosPaths.InboundInterfaceNameWords(version), rule => rule.InboundInterface, VyosFieldValues.InterfaceName),
        ConfigLeafField<NatDestinationRule>.Valueless(["log"], rule => rule.Log),
        ConfigLeafField<NatDestinationRule>.Valued(["protocol"], rule => rule.Protocol, VyosFieldValues.Protocol),
        ConfigLeafField<NatDestinationRule>.Valued(["source", "address"], rule => rule.SourceAddress, VyosFieldValues.Ipv4AddressOrNetwork),
        ConfigLeafField<NatDestinationRule>.Valued(["source", "port"], rule => rule.SourcePort, VyosFieldValues.PortOrRange),
        ConfigLeafField<NatDestinationRule>.Valued(["translation", "address"], rule => rule.TranslationAddress, VyosFieldValues.Ipv4Address),
        ConfigLeafField<NatDestinationRule>.Valued(["translation", "port"], rule => rule.TranslationPort, VyosFieldValues.PortOrRange),
    ];

    private static ConfigLeafField<DhcpStaticMapping>[] MappingFields(VyosVersion version) =>
    [
        ConfigLeafField<DhcpStaticMapping>.Valueless(["disable"], mapping => mapping.Disabled),
        ConfigLeafField<DhcpStaticMapping>.Valued(["ip-address"], mapping => mapping.IpAddress, VyosFieldValues.Ipv4Address),
        ConfigLeafField<DhcpStaticMapping>.Valued([version.DhcpStaticMappingMacLeaf], mapping => mapping.MacAddress, VyosFieldValues.MacAddress),
    ];
}
