using NatFunctions.Core.Vyos;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// The commit-time checks of vyos-1x <c>src/conf_mode/nat.py</c> <c>verify()</c> for destination rules, in the order
/// the script runs them, with the exact texts (docs/vyos-reference.md C3): the first error (unwrapped) and the
/// warnings printed before it.
/// </summary>
/// <remarks>
/// "Interfaces on this system" are the ones the configuration defines (<c>interfaces TYPE NAME</c>, VLANs as
/// <c>NAME.VID</c>) plus <c>lo</c>: the simulator has no kernel to ask.
/// </remarks>
internal static class NatCommitVerifier
{
    private static readonly string[] PortProtocols = ["tcp", "udp", "tcp_udp"];

    // vyos-1x reads these through get_config_dict with key mangling, so the messages print them with underscores.
    private static readonly string[] AddressGroupTypes = ["address_group", "network_group", "domain_group"];

    public static NatVerification Verify(ConfigTree config, VyosVersion version)
    {
        var warnings = new List<string>();
        var rules = config.Find(VyosPaths.NatDestinationRules);
        if (rules is null) return new NatVerification(null, warnings);

        var interfaces = SystemInterfaces(config);
        foreach (var rule in rules.Children)
        {
            var error = version.HasInboundInterfaceNode ? VerifyModern(config, rule, interfaces, warnings) : VerifyEquuleus(rule, interfaces, warnings);
            if (error is not null) return new NatVerification(error, warnings);
        }

        return new NatVerification(null, warnings);
    }

    private static string? VerifyEquuleus(ConfigNode rule, HashSet<string> interfaces, List<string> warnings)
    {
        var prefix = $"Destination NAT configuration error in rule {rule.Name}:\n";
        var inbound = Value(rule, "inbound-interface");
        if (rule.FindChild("inbound-interface") is null) return prefix + "inbound-interface not specified";

        // nat.py: `if config['inbound_interface'] not in 'any'` (a substring test) and not among the system's interfaces.
        if (inbound is not null && !"any".Contains(inbound, StringComparison.Ordinal) && !interfaces.Contains(inbound))
        {
            warnings.Add($"WARNING: rule \"{rule.Name}\" interface \"{inbound}\" does not exist on this system");
        }

        if (Value(rule, "translation", "address") is null && rule.FindChild("exclude") is null) return prefix + "translation address not specified";

        if (HasAnyPort(rule, includeRedirect: false) && !PortProtocols.Contains(Value(rule, "protocol") ?? "all"))
        {
            return prefix + "ports can only be specified when protocol is either tcp, udp or tcp_udp!";
        }

        var translationAddress = Value(rule, "translation", "address");
        if (translationAddress is not null && translationAddress.Contains('/') && HasAnyPort(rule, includeRedirect: false))
        {
            return prefix + "Cannot use ports with an IPv4net type translation address as it statically maps a whole network of addresses onto another network of addresses";
        }

        return null;
    }

    private static string? VerifyModern(ConfigTree config, ConfigNode rule, HashSet<string> interfaces, List<string> warnings)
    {
        var prefix = $"Destination NAT configuration error in rule {rule.Name}:";
        var inbound = rule.FindChild("inbound-interface");
        var name = Value(rule, "inbound-interface", "name");
        var group = Value(rule, "inbound-interface", "group");
        if (inbound?.FindChild("name") is not null && inbound.FindChild("group") is not null)
        {
            return $"{prefix} cannot specify both interface group and interface name for destination nat rule \"{rule.Name}\"";
        }

        if (name is not null && !"any".Contains(name, StringComparison.Ordinal) && !interfaces.Contains(name.TrimStart('!')))
        {
            warnings.Add($"Interface \"{name.TrimStart('!')}\" for destination NAT rule \"{rule.Name}\" does not exist!");
        }

        if (group is not null)
        {
            var groupName = group.StartsWith('!') ? group[1..] : group;
            var groupNode = config.Find(["firewall", "group", "interface-group", groupName]);
            if (groupNode is null) return $"Invalid interface group \"{groupName}\" on destination nat rule";
            if (groupNode.Children.Count == 0) warnings.Add($"interface-group \"{groupName}\" has no members!");
        }

        var hasTranslation = Value(rule, "translation", "address") is not null
            || Value(rule, "translation", "port") is not null
            || rule.FindChild("translation")?.FindChild("redirect") is not null;
        var hasBackend = rule.FindChild("load-balance")?.FindChild("backend") is not null;
        if (!hasTranslation && rule.FindChild("exclude") is null && !hasBackend)
        {
            return $"{prefix} translation requires address and/or port";
        }

        return VerifyCommonRule(config, rule, prefix, warnings);
    }

    /// <summary>nat.py <c>verify_rule</c>, shared by source and destination rules (1.4+).</summary>
    private static string? VerifyCommonRule(ConfigTree config, ConfigNode rule, string prefix, List<string> warnings)
    {
        // XML defaultValue 'all' is merged in before verify(), so a rule without protocol counts as 'all'.
        var protocol = Value(rule, "protocol") ?? "all";
        if (HasAnyPort(rule, includeRedirect: true) && !PortProtocols.Contains(protocol))
        {
            return $"{prefix} ports can only be specified when protocol is either tcp, udp or tcp_udp!";
        }

        foreach (var side in new[] { "destination", "source" })
        {
            var sideNode = rule.FindChild(side);
            if (sideNode is null) continue;
            if (sideNode.FindChild("address") is not null && sideNode.FindChild("fqdn") is not null)
            {
                return "Only one of address, fqdn or geoip can be specified";
            }

            var groups = sideNode.FindChild("group");
            if (groups is null) continue;
            if (AddressGroupTypes.Count(type => groups.FindChild(type.Replace('_', '-')) is not null) > 1)
            {
                return "Only one address-group, network-group or domain-group can be specified";
            }

            foreach (var groupType in groups.Children)
            {
                if (groupType.Values.Count == 0) continue;
                var groupName = groupType.Values[0].StartsWith('!') ? groupType.Values[0][1..] : groupType.Values[0];
                var mangled = groupType.Name.Replace('-', '_');
                var groupNode = config.Find(["firewall", "group", groupType.Name, groupName]);
                if (groupNode is null) return $"Invalid {mangled} \"{groupName}\" on nat rule";
                if (groupNode.Children.Count == 0) warnings.Add($"{mangled} \"{groupName}\" has no members!");
            }

            if (groups.FindChild("port-group") is not null && !PortProtocols.Contains(protocol))
            {
                return "Protocol must be tcp, udp, or tcp_udp when specifying a port-group";
            }
        }

        return null;
    }

    private static HashSet<string> SystemInterfaces(ConfigTree config)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "lo" };
        foreach (var type in config.Find(["interfaces"])?.Children ?? [])
        {
            foreach (var device in type.Children)
            {
                names.Add(device.Name);
                foreach (var vif in device.FindChild("vif")?.Children ?? []) names.Add($"{device.Name}.{vif.Name}");
            }
        }

        return names;
    }

    private static bool HasAnyPort(ConfigNode rule, bool includeRedirect) =>
        Value(rule, "translation", "port") is not null
        || Value(rule, "destination", "port") is not null
        || Value(rule, "source", "port") is not null
        || (includeRedirect && Value(rule, "translation", "redirect", "port") is not null);

    private static string? Value(ConfigNode node, params string[] path)
    {
        ConfigNode? current = node;
        foreach (var word in path)
        {
            current = current.FindChild(word);
            if (current is null) return null;
        }

        return current.Values.Count > 0 ? current.Values[0] : null;
    }
}
