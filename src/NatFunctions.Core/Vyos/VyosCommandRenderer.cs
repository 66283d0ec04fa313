using System.Globalization;

namespace NatFunctions.Core.Vyos;

/// <summary>
/// Turns NAT rules and DHCP static mappings into the <c>set</c>/<c>delete</c> commands of one VyOS version.
/// </summary>
/// <remarks>
/// Version differences (vyos-1x interface-definitions, see docs/vyos-reference.md C1/C4):
/// 1.3 <c>inbound-interface 'eth0'</c>, 1.4/1.5 <c>inbound-interface name 'eth0'</c>.
/// DHCP static mappings: 1.3 (ISC dhcpd, vyos-1x:equuleus <c>dhcp-server.xml.in</c>) uses
/// <c>static-mapping NAME ip-address</c> and <c>mac-address</c>; 1.4/1.5 (Kea, vyos-documentation sagitta/current
/// <c>dhcp-server.rst</c>) use <c>ip-address</c> and <c>mac</c>. The path above the mapping,
/// <c>service dhcp-server shared-network-name X subnet Y</c>, is the same in all three.
/// Every value goes through <see cref="VyosValue"/> and every path word through <see cref="VyosPathWord"/>, so a
/// value VyOS cannot quote throws <see cref="VyosValueRejectedException"/> before any text exists.
/// </remarks>
public sealed class VyosCommandRenderer(VyosVersion version)
{
    public VyosVersion Version { get; } = version;

    /// <summary>
    /// Commands that make the rule exactly <paramref name="rule"/>: first delete the whole rule, then set every field.
    /// Both go in one commit, so the router never sees a half rule.
    /// </summary>
    public IReadOnlyList<VyosCommand> ReplaceNatDestinationRule(NatDestinationRule rule) =>
        [DeleteNatDestinationRule(rule.Number), .. SetNatDestinationRule(rule)];

    public IReadOnlyList<VyosCommand> SetNatDestinationRule(NatDestinationRule rule)
    {
        var prefix = RulePath(rule.Number);
        var commands = new List<VyosCommand>();

        void Add(string? value, params string[] words)
        {
            if (value is not null) commands.Add(VyosCommand.Set([.. prefix, .. words], value));
        }

        void Flag(bool present, string word)
        {
            if (present) commands.Add(VyosCommand.Set([.. prefix, word]));
        }

        // Same order as VyOS prints a rule, so a rendered rule reads like the router's own output.
        Add(rule.Description, "description");
        Add(rule.DestinationAddress, "destination", "address");
        Add(rule.DestinationPort, "destination", "port");
        Flag(rule.Disabled, "disable");
        Flag(rule.Exclude, "exclude");
        Add(rule.InboundInterface, [.. VyosPaths.InboundInterfaceName(Version)]);
        Flag(rule.Log, "log");
        Add(rule.Protocol, "protocol");
        Add(rule.SourceAddress, "source", "address");
        Add(rule.SourcePort, "source", "port");
        Add(rule.TranslationAddress, "translation", "address");
        Add(rule.TranslationPort, "translation", "port");
        if (commands.Count == 0) commands.Add(VyosCommand.Set(prefix));
        return commands;
    }

    public VyosCommand DeleteNatDestinationRule(int number) => VyosCommand.Delete(RulePath(number));

    public IReadOnlyList<VyosCommand> SetDhcpStaticMapping(DhcpStaticMapping mapping)
    {
        var prefix = VyosPaths.DhcpStaticMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name);
        var commands = new List<VyosCommand>();
        if (mapping.Disabled) commands.Add(VyosCommand.Set([.. prefix, "disable"]));
        if (mapping.IpAddress is not null) commands.Add(VyosCommand.Set([.. prefix, "ip-address"], mapping.IpAddress));
        if (mapping.MacAddress is not null) commands.Add(VyosCommand.Set([.. prefix, Version.DhcpStaticMappingMacLeaf], mapping.MacAddress));
        if (commands.Count == 0) commands.Add(VyosCommand.Set(prefix));
        return commands;
    }

    public IReadOnlyList<VyosCommand> ReplaceDhcpStaticMapping(DhcpStaticMapping mapping) =>
        [DeleteDhcpStaticMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name), .. SetDhcpStaticMapping(mapping)];

    public VyosCommand DeleteDhcpStaticMapping(string sharedNetwork, string subnet, string name) =>
        VyosCommand.Delete(VyosPaths.DhcpStaticMapping(sharedNetwork, subnet, name));

    private static IReadOnlyList<string> RulePath(int number)
    {
        if (!NatDestinationRule.IsValidNumber(number))
        {
            throw new VyosValueRejectedException(number.ToString(CultureInfo.InvariantCulture), "NAT rule number must be between 1 and 999999");
        }

        return VyosPaths.NatDestinationRule(number);
    }
}
