using NatFunctions.Core.Vyos;

namespace NatFunctions.VyosSimulator;

/// <summary>
/// The commit-time checks of vyos-1x <c>src/conf_mode/nat.py</c> <c>verify()</c> for destination rules, in the order
/// the script runs them, with the exact texts (docs/vyos-reference.md C3). Returns the first error, unwrapped.
/// </summary>
internal static class NatCommitVerifier
{
    private static readonly string[] PortProtocols = ["tcp", "udp", "tcp_udp"];

    public static string? Verify(ConfigTree config, VyosVersion version)
    {
        var rules = config.Find(VyosPaths.NatDestinationRules);
        if (rules is null) return null;

        foreach (var rule in rules.Children)
        {
            var error = version.HasInboundInterfaceNode ? VerifyModern(config, rule) : VerifyEquuleus(rule);
            if (error is not null) return error;
        }

        return null;
    }

    private static string? VerifyEquuleus(ConfigNode rule)
    {
        var prefix = $"Destination NAT configuration error in rule {rule.Name}:\n";
        if (rule.FindChild("inbound-interface") is null) return prefix + "inbound-interface not specified";
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

    private static string? VerifyModern(ConfigTree config, ConfigNode rule)
    {
        var prefix = $"Destination NAT configuration error in rule {rule.Name}:";
        var inbound = rule.FindChild("inbound-interface");
        if (inbound?.FindChild("name") is not null && inbound.FindChild("group") is not null)
        {
            return $"{prefix} cannot specify both interface group and interface name for destination nat rule \"{rule.Name}\"";
        }

        var group = Value(rule, "inbound-interface", "group");
        if (group is not null && config.Find(["firewall", "group", "interface-group", group.TrimStart('!')]) is null)
        {
            return $"Invalid interface group \"{group}\" on destination nat rule";
        }

        var hasTranslation = Value(rule, "translation", "address") is not null
            || Value(rule, "translation", "port") is not null
            || rule.FindChild("translation")?.FindChild("redirect") is not null;
        var hasBackend = rule.FindChild("load-balance")?.FindChild("backend") is not null;
        if (!hasTranslation && rule.FindChild("exclude") is null && !hasBackend)
        {
            return $"{prefix} translation requires address and/or port";
        }

        if (HasAnyPort(rule, includeRedirect: true) && !PortProtocols.Contains(Value(rule, "protocol") ?? "all"))
        {
            return $"{prefix} ports can only be specified when protocol is either tcp, udp or tcp_udp!";
        }

        return null;
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
