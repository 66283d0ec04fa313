using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Routers.Preflight;

/// <summary>
/// On 1.4/1.5, forwarded traffic passes <c>firewall ipv4 forward filter</c> (sagitta/circinus:
/// interface-definitions/include/firewall/ipv4-hook-forward.xml.i). Its <c>default-action</c> is <c>accept</c> unless
/// set (include/firewall/default-action-base-chains.xml.i: drop|accept, default accept). With <c>drop</c>, a DNAT'ed
/// connection passes only if an enabled rule with <c>action accept</c> matches <c>connection-status nat destination</c>
/// (include/firewall/common-rule-inet.xml.i; python/vyos/firewall.py renders it as <c>ct status dnat</c>, which matches
/// both directions of the connection). Accepting <c>state established/related</c> alone is not enough: the first packet
/// of each new connection is state <c>new</c>. On 1.3 the firewall is rule sets bound to interfaces, not checked here.
/// </summary>
internal static class ForwardFilterCheck
{
    private static readonly string[] FilterPath = ["firewall", "ipv4", "forward", "filter"];

    public static PreflightCheck Run(RouterSettings settings, ConfigTree tree)
    {
        const string id = PreflightCheckIds.ForwardFilter;
        if (settings.VyosVersion.CompareTo(VyosVersion.V1_4) < 0)
        {
            return PreflightCheck.Ok(id, "not checked on VyOS 1.3: its firewall is named rule sets bound to interfaces; check that the inbound interface's rule set lets the forwarded ports in");
        }

        var filter = tree.Find(FilterPath);
        var defaultAction = filter?.FindChild("default-action")?.Values.FirstOrDefault() ?? "accept";
        if (defaultAction != "drop")
        {
            return PreflightCheck.Ok(id, $"'firewall ipv4 forward filter' has default-action {defaultAction}{(filter is null ? " (not configured; VyOS's default)" : string.Empty)}: forwarded connections pass");
        }

        var rules = (filter!.FindChild("rule")?.Children ?? []).Where(rule => rule.FindChild("disable") is null && Value(rule, "action") == "accept").ToList();
        var natRule = rules.FirstOrDefault(rule => rule.FindChild("connection-status")?.FindChild("nat")?.Values.Contains("destination") == true);
        if (natRule is not null)
        {
            return PreflightCheck.Ok(id, $"'firewall ipv4 forward filter' drops by default, and rule {natRule.Name} accepts 'connection-status nat destination': forwarded connections pass");
        }

        var stateRule = rules.FirstOrDefault(rule => rule.FindChild("state")?.Values.Contains("established") == true);
        var established = stateRule is null ? string.Empty : $" (rule {stateRule.Name} accepts established connections, but the first packet of a new connection is state new)";
        return PreflightCheck.Error(
            id,
            $"'firewall ipv4 forward filter' drops by default and no enabled rule accepts 'connection-status nat destination'{established}: no port forward the product creates will pass traffic",
            "add an accept rule for destination-NATed connections, e.g. 'set firewall ipv4 forward filter rule 5 action accept' and 'set firewall ipv4 forward filter rule 5 connection-status nat destination', then commit and save");
    }

    private static string? Value(ConfigNode node, string leaf) => node.FindChild(leaf)?.Values.FirstOrDefault();
}
