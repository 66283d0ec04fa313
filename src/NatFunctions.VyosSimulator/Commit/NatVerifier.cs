using NatFunctions.VyosSimulator.Config;

namespace NatFunctions.VyosSimulator.Commit;

/// <summary>
/// <c>src/conf_mode/nat.py</c> <c>verify()</c> of each branch for source and destination rules, in the script's
/// order (all source rules, then all destination rules, each in config order), with its texts. Rule values come
/// with the XML defaults merged in (protocol <c>all</c>), as <c>get_config_dict</c> gives them to the script.
/// </summary>
internal static class NatVerifier
{
    private static readonly string[] PortProtocols = ["tcp", "udp", "tcp_udp"];

    // sagitta/circinus nat.py valid_groups, in its order; messages use the dashed names.
    private static readonly string[] GroupTypes = ["address-group", "domain-group", "network-group", "port-group"];

    public static void Verify(ConfigStore config, VyosRelease release, ConfScriptRun run)
    {
        // verify(): `if not nat or 'deleted' in nat: return`.
        if (config.Find(["nat"]) is null) return;

        var interfaces = new RouterInterfaces(config);
        foreach (var rule in config.Find(["nat", "source", "rule"])?.Children ?? [])
        {
            var ok = release.IsEquuleus ? EquuleusSource(rule, interfaces, run) : ModernRule(config, rule, "source", interfaces, run);
            if (!ok) return;
        }

        foreach (var rule in config.Find(["nat", "destination", "rule"])?.Children ?? [])
        {
            var ok = release.IsEquuleus ? EquuleusDestination(rule, interfaces, run) : ModernRule(config, rule, "destination", interfaces, run);
            if (!ok) return;
        }
    }

    /// <summary>equuleus nat.py, source rules.</summary>
    private static bool EquuleusSource(ConfigNode rule, RouterInterfaces interfaces, ConfScriptRun run)
    {
        var errorPrefix = $"Source NAT configuration error in rule {rule.Name}:";
        var outbound = Value(rule, "outbound-interface");
        if (rule.Child("outbound-interface") is null) return run.Fail($"{errorPrefix}\noutbound-interface not specified");

        // `config['outbound_interface'] not in 'any'` is a substring test.
        if (outbound is not null && !"any".Contains(outbound, StringComparison.Ordinal) && !interfaces.Exists(outbound))
        {
            run.Print($"WARNING: rule \"{rule.Name}\" interface \"{outbound}\" does not exist on this system");
        }

        var address = Value(rule, "translation", "address");
        if (address is not null)
        {
            if (address != "masquerade")
            {
                foreach (var ip in address.Split('-'))
                {
                    if (!interfaces.IsAddressAssigned(ip)) run.Print($"WARNING: IP address {ip} does not exist on the system!");
                }
            }
        }
        else if (rule.Child("exclude") is null)
        {
            return run.Fail($"{errorPrefix}\ntranslation address not specified");
        }

        return EquuleusCommonRule(rule, errorPrefix, run);
    }

    /// <summary>equuleus nat.py, destination rules.</summary>
    private static bool EquuleusDestination(ConfigNode rule, RouterInterfaces interfaces, ConfScriptRun run)
    {
        var errorPrefix = $"Destination NAT configuration error in rule {rule.Name}:";
        if (rule.Child("inbound-interface") is null) return run.Fail($"{errorPrefix}\ninbound-interface not specified");

        var inbound = Value(rule, "inbound-interface");
        if (inbound is not null && !"any".Contains(inbound, StringComparison.Ordinal) && !interfaces.Exists(inbound))
        {
            run.Print($"WARNING: rule \"{rule.Name}\" interface \"{inbound}\" does not exist on this system");
        }

        if (Value(rule, "translation", "address") is null && rule.Child("exclude") is null)
        {
            return run.Fail($"{errorPrefix}\ntranslation address not specified");
        }

        return EquuleusCommonRule(rule, errorPrefix, run);
    }

    /// <summary>equuleus nat.py <c>verify_rule</c>.</summary>
    private static bool EquuleusCommonRule(ConfigNode rule, string errorPrefix, ConfScriptRun run)
    {
        var hasPort = Value(rule, "translation", "port") is not null || Value(rule, "destination", "port") is not null || Value(rule, "source", "port") is not null;
        if (!hasPort) return true;
        if (!PortProtocols.Contains(Value(rule, "protocol") ?? "all"))
        {
            return run.Fail($"{errorPrefix}\nports can only be specified when protocol is either tcp, udp or tcp_udp!");
        }

        if ((Value(rule, "translation", "address") ?? string.Empty).Contains('/'))
        {
            return run.Fail($"{errorPrefix}\nCannot use ports with an IPv4net type translation address as it\nstatically maps a whole network of addresses onto another\nnetwork of addresses");
        }

        return true;
    }

    /// <summary>sagitta/circinus nat.py: the source or destination rule checks, then <c>verify_rule</c>.</summary>
    private static bool ModernRule(ConfigStore config, ConfigNode rule, string direction, RouterInterfaces interfaces, ConfScriptRun run)
    {
        var isSource = direction == "source";
        var kind = isSource ? "Source" : "Destination";
        var errorPrefix = $"{kind} NAT configuration error in rule {rule.Name}:";
        var interfaceNode = rule.Child(isSource ? "outbound-interface" : "inbound-interface");
        if (interfaceNode is not null)
        {
            var name = interfaceNode.Child("name");
            var group = interfaceNode.Child("group");
            if (name is not null && group is not null)
            {
                return run.Fail($"{errorPrefix} cannot specify both interface group and interface name for {(isSource ? "nat source" : "destination nat")} rule \"{rule.Name}\"");
            }

            if (name?.FirstValue is { } interfaceName)
            {
                if (!"any".Contains(interfaceName, StringComparison.Ordinal))
                {
                    if (interfaceName.StartsWith('!')) interfaceName = interfaceName[1..];
                    if (!interfaces.Exists(interfaceName)) run.Warning($"Interface \"{interfaceName}\" for {kind.ToLowerInvariant()} NAT rule \"{rule.Name}\" does not exist!");
                }
            }
            else if (group?.FirstValue is { } groupName)
            {
                if (groupName.StartsWith('!')) groupName = groupName[1..];
                var groupNode = config.Find(["firewall", "group", "interface-group", groupName]);
                if (groupNode is null) return run.Fail($"Invalid interface group \"{groupName}\" on {(isSource ? "source" : "destination")} nat rule");
                if (groupNode.IsEmpty) run.Warning($"interface-group \"{groupName}\" has no members!");
            }
        }

        var hasTranslation = Value(rule, "translation", "address") is not null || Value(rule, "translation", "port") is not null
            || (!isSource && rule.Child("translation")?.Child("redirect") is not null);
        if (!hasTranslation && rule.Child("exclude") is null && rule.Child("load-balance")?.Child("backend") is null)
        {
            return run.Fail($"{errorPrefix} translation requires address and/or port");
        }

        if (isSource && Value(rule, "translation", "address") is { } address && address != "masquerade" && !Ipv4Network.IsStrictNetwork(address))
        {
            foreach (var ip in address.Split('-'))
            {
                if (!interfaces.IsAddressAssigned(ip)) run.Warning($"IP address {ip} does not exist on the system!");
            }
        }

        return ModernCommonRule(config, rule, errorPrefix, run);
    }

    /// <summary>sagitta/circinus nat.py <c>verify_rule</c>.</summary>
    private static bool ModernCommonRule(ConfigStore config, ConfigNode rule, string errorPrefix, ConfScriptRun run)
    {
        var protocol = Value(rule, "protocol") ?? "all";
        var hasPort = Value(rule, "translation", "port") is not null || Value(rule, "translation", "redirect", "port") is not null
            || Value(rule, "destination", "port") is not null || Value(rule, "source", "port") is not null;
        if (hasPort && !PortProtocols.Contains(protocol))
        {
            return run.Fail($"{errorPrefix} ports can only be specified when protocol is either tcp, udp or tcp_udp!");
        }

        foreach (var side in new[] { "destination", "source" })
        {
            var sideNode = rule.Child(side);
            if (sideNode is null) continue;
            if (sideNode.Child("address") is not null && sideNode.Child("fqdn") is not null) return run.Fail("Only one of address, fqdn or geoip can be specified");

            var groups = sideNode.Child("group");
            if (groups is not null)
            {
                if (new[] { "address-group", "network-group", "domain-group" }.Count(type => groups.Child(type) is not null) > 1)
                {
                    return run.Fail("Only one address-group, network-group or domain-group can be specified");
                }

                foreach (var groupType in GroupTypes)
                {
                    if (groups.Child(groupType)?.FirstValue is not { } groupName) continue;
                    if (groupType is "address-group" or "network-group" or "domain-group")
                    {
                        var defined = new[] { "address", "fqdn" }.FirstOrDefault(type => sideNode.Child(type) is not null);
                        if (defined is not null) return run.Fail($"{groupType} and {defined} cannot both be defined");
                    }

                    if (groupName.StartsWith('!')) groupName = groupName[1..];
                    var groupNode = config.Find(["firewall", "group", groupType, groupName]);
                    if (groupNode is null) return run.Fail($"Invalid {groupType} \"{groupName}\" on nat rule");
                    if (groupNode.IsEmpty) run.Warning($"{groupType} \"{groupName}\" has no members!");
                }
            }

            if (groups?.Child("port-group") is not null && !PortProtocols.Contains(protocol))
            {
                return run.Fail("Protocol must be tcp, udp, or tcp_udp when specifying a port-group");
            }
        }

        return true;
    }

    private static string? Value(ConfigNode node, params string[] path)
    {
        ConfigNode? current = node;
        foreach (var word in path)
        {
            current = current.Child(word);
            if (current is null) return null;
        }

        return current.FirstValue;
    }
}
