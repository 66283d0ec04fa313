using System.Globalization;

namespace NatFunctions.Core.Vyos;

/// <summary>
/// Turns NAT rules and DHCP static mappings into the <c>set</c>/<c>delete</c> commands of one VyOS version.
/// </summary>
/// <remarks>
/// Version differences (vyos-1x interface-definitions):
/// 1.3 <c>inbound-interface 'eth0'</c> (equuleus:interface-definitions/nat.xml.in, a leaf), 1.4/1.5
/// <c>inbound-interface name 'eth0'</c> (sagitta/circinus:interface-definitions/nat.xml.in include
/// include/firewall/inbound-interface.xml.i, a node whose leaf <c>name</c> comes from match-interface.xml.i).
/// DHCP static mappings: 1.3 and 1.4 (ISC dhcpd, equuleus:interface-definitions/dhcp-server.xml.in,
/// sagitta:interface-definitions/service_dhcp-server.xml.in) use <c>static-mapping NAME ip-address</c> and
/// <c>mac-address</c>; 1.5 (Kea, circinus:interface-definitions/service_dhcp-server.xml.in, renamed by migration
/// circinus:src/migration-scripts/dhcp-server/8-to-9) uses <c>ip-address</c> and <c>mac</c>, and a mapping name must
/// be a hostname. The path above the mapping,
/// <c>service dhcp-server shared-network-name X subnet Y</c>, is the same in all three.
/// Every value goes through <see cref="VyosValue"/> and every path word through <see cref="VyosPathWord"/>, so a
/// value VyOS cannot quote throws <see cref="VyosValueRejectedException"/> before any text exists; each field's value
/// is also checked against what VyOS's validator for that node takes (<see cref="VyosFieldValues"/>), so the router
/// never answers a rendered command with "Value validation failed".
/// </remarks>
public sealed class VyosCommandRenderer(VyosVersion version)
{
    private const string RuleNumberProblem = "NAT rule number must be between 1 and 999999";

    private readonly IReadOnlyList<ConfigLeafField<NatDestinationRule>> ruleFields = ManagedObjectLayout.NatDestinationRule(version);
    private readonly IReadOnlyList<ConfigLeafField<DhcpStaticMapping>> mappingFields = ManagedObjectLayout.DhcpStaticMapping(version);

    public VyosVersion Version { get; } = version;

    /// <summary>
    /// Commands that make the rule exactly <paramref name="rule"/>: first delete the whole rule, then set every field.
    /// Both go in one commit, so the router never sees a half rule.
    /// </summary>
    public IReadOnlyList<VyosCommand> ReplaceNatDestinationRule(NatDestinationRule rule) =>
        [DeleteNatDestinationRule(rule.Number), .. SetNatDestinationRule(rule)];

    // Same order as VyOS prints a rule, so a rendered rule reads like the router's own output.
    public IReadOnlyList<VyosCommand> SetNatDestinationRule(NatDestinationRule rule) => SetFields(RulePath(rule.Number), rule, ruleFields);

    /// <summary>
    /// Why <see cref="SetNatDestinationRule"/> would refuse <paramref name="rule"/> (the message of the
    /// <see cref="VyosValueRejectedException"/> it would throw), or null. Checks the same values in the same order
    /// without building the commands: the desired state validates every rule of a router on every reconcile.
    /// </summary>
    public string? FindNatDestinationRuleProblem(NatDestinationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!NatDestinationRule.IsValidNumber(rule.Number))
        {
            return new VyosValueRejectedException(rule.Number.ToString(CultureInfo.InvariantCulture), RuleNumberProblem).Message;
        }

        // The other path words of a rule are constants; only the values can be refused.
        return FindValueProblem(rule, ruleFields);
    }

    public VyosCommand DeleteNatDestinationRule(int number) => VyosCommand.Delete(RulePath(number));

    public IReadOnlyList<VyosCommand> SetDhcpStaticMapping(DhcpStaticMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var path = VyosPaths.DhcpStaticMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name);
        foreach (var word in path) VyosPathWord.Create(word);
        if (FindMappingPathProblem(mapping) is { } problem) throw problem;
        return SetFields(path, mapping, mappingFields);
    }

    /// <summary>
    /// Why <see cref="SetDhcpStaticMapping"/> would refuse <paramref name="mapping"/>, or null; see
    /// <see cref="FindNatDestinationRuleProblem"/>. Every command carries the whole path, so its words come first.
    /// </summary>
    public string? FindDhcpStaticMappingProblem(DhcpStaticMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        foreach (var word in VyosPaths.DhcpStaticMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name))
        {
            if (VyosPathWord.FindProblem(word) is { } reason) return new VyosValueRejectedException(word, reason).Message;
        }

        if (FindMappingPathProblem(mapping) is { } pathProblem) return pathProblem.Message;
        return FindValueProblem(mapping, mappingFields);
    }

    public IReadOnlyList<VyosCommand> ReplaceDhcpStaticMapping(DhcpStaticMapping mapping) =>
        [DeleteDhcpStaticMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name), .. SetDhcpStaticMapping(mapping)];

    public VyosCommand DeleteDhcpStaticMapping(string sharedNetwork, string subnet, string name) =>
        VyosCommand.Delete(VyosPaths.DhcpStaticMapping(sharedNetwork, subnet, name));

    /// <summary>One <c>set</c> per present field, in the layout's order; the bare object when it has no field.</summary>
    private static List<VyosCommand> SetFields<T>(IReadOnlyList<string> prefix, T item, IReadOnlyList<ConfigLeafField<T>> fields)
    {
        var commands = new List<VyosCommand>();
        foreach (var field in fields)
        {
            if (!field.IsPresent(item, out var value)) continue;
            if (value is not null && FindFieldProblem(field, value) is { } reason) throw new VyosValueRejectedException(value, reason);
            commands.Add(VyosCommand.Set([.. prefix, .. field.Words], value));
        }

        if (commands.Count == 0) commands.Add(VyosCommand.Set(prefix));
        return commands;
    }

    private static string? FindValueProblem<T>(T item, IReadOnlyList<ConfigLeafField<T>> fields)
    {
        foreach (var field in fields)
        {
            if (!field.IsPresent(item, out var value) || value is null) continue;

            if (FindFieldProblem(field, value) is { } reason) return new VyosValueRejectedException(value, reason).Message;
        }

        return null;
    }

    // Quoting first: a value that cannot even be sent is refused for that reason.
    private static string? FindFieldProblem<T>(ConfigLeafField<T> field, string value) =>
        VyosValue.FindProblem(value) ?? field.FindValueProblem?.Invoke(value);

    /// <summary>The tag values of a mapping's path as VyOS checks them: two names and an IPv4 subnet.</summary>
    private VyosValueRejectedException? FindMappingPathProblem(DhcpStaticMapping mapping)
    {
        if (VyosFieldValues.DhcpName(mapping.SharedNetwork) is { } network) return new VyosValueRejectedException(mapping.SharedNetwork, network);
        if (VyosFieldValues.Ipv4Network(mapping.Subnet) is { } subnet) return new VyosValueRejectedException(mapping.Subnet, subnet);
        if (VyosFieldValues.DhcpMappingName(mapping.Name, Version) is { } name) return new VyosValueRejectedException(mapping.Name, name);
        return null;
    }

    private static IReadOnlyList<string> RulePath(int number)
    {
        if (!NatDestinationRule.IsValidNumber(number))
        {
            throw new VyosValueRejectedException(number.ToString(CultureInfo.InvariantCulture), RuleNumberProblem);
        }

        return VyosPaths.NatDestinationRule(number);
    }

}
