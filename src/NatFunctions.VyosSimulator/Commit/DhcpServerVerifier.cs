using NatFunctions.VyosSimulator.Config;

namespace NatFunctions.VyosSimulator.Commit;

/// <summary>
/// <c>verify()</c> of equuleus <c>src/conf_mode/dhcp_server.py</c> and sagitta/circinus
/// <c>src/conf_mode/service_dhcp-server.py</c>, in the script's order with its texts, for shared networks, subnets,
/// ranges, excludes, static mappings, subnet IDs (circinus), listen addresses and the "subnet connected" rule.
/// Not modelled: static routes, failover/high-availability, PKI.
/// </summary>
internal static class DhcpServerVerifier
{
    // sagitta service_dhcp-server.py verify(): common_deprecation_msg.
    private const string DeprecationTail = "are subject of removal in VyOS 1.5! Please raise a feature request for proper CLI nodes!";

    public static void Verify(ConfigStore config, VyosRelease release, ConfScriptRun run)
    {
        var dhcp = config.Find(["service", "dhcp-server"]);

        // "bail out early - looks like removal from running config"
        if (dhcp is null || dhcp.Child("disable") is not null) return;

        var sharedNetworks = dhcp.Child("shared-network-name");
        if (sharedNetworks is null)
        {
            run.Fail("No DHCP shared networks configured.\nAt least one DHCP shared network must be configured.");
            return;
        }

        if (release.IsSagitta && dhcp.Child("global-parameters") is not null) run.DeprecationWarning($"Additional global parameters {DeprecationTail}");

        var state = new DhcpVerifyState(new RouterInterfaces(config));
        var disabledNetworks = 0;
        foreach (var network in sharedNetworks.Children)
        {
            if (release.IsSagitta && network.Child("shared-network-parameters") is not null)
            {
                run.DeprecationWarning($"Additional shared network parameters in \"{network.Name}\" {DeprecationTail}");
            }

            if (network.Child("disable") is not null) disabledNetworks++;
            var subnets = network.Child("subnet");
            if (subnets is null)
            {
                run.Fail($"No subnets defined for {network.Name}. At least one\nlease subnet must be configured.");
                return;
            }

            // The script's `for network in networks` (the range overlap loop) rebinds `network`, so later messages
            // in the same shared network print the last range compared instead of the shared network's name.
            var networkLabel = network.Name;
            foreach (var subnet in subnets.Children)
            {
                if (!VerifySubnet(release, network, subnet, ref networkLabel, state, run)) return;
            }
        }

        if (sharedNetworks.Children.Count - disabledNetworks < 1)
        {
            run.Fail("At least one shared network must be active!");
            return;
        }

        foreach (var address in dhcp.Child("listen-address")?.Values ?? [])
        {
            if (!state.Interfaces.IsAddressAssigned(address))
            {
                run.Fail($"listen-address \"{address}\" not configured on any interface");
                return;
            }

            state.ListenOk = true;
        }

        if (!state.ListenOk)
        {
            run.Fail("None of the configured subnets have an appropriate primary IP address on any\nbroadcast interface configured, nor was there an explicit listen-address\nconfigured for serving DHCP relay packets!");
            return;
        }

        if (release.IsCircinus)
        {
            if (dhcp.Child("listen-address") is not null && dhcp.Child("listen-interface") is not null)
            {
                run.Fail("Cannot define listen-address and listen-interface at the same time");
                return;
            }

            foreach (var name in dhcp.Child("listen-interface")?.Values ?? [])
            {
                if (!state.Interfaces.Exists(name))
                {
                    run.Fail($"listen-interface \"{name}\" does not exist");
                    return;
                }
            }
        }
    }

    private static bool VerifySubnet(VyosRelease release, ConfigNode network, ConfigNode subnet, ref string networkLabel, DhcpVerifyState state, ConfScriptRun run)
    {
        if (!Ipv4Network.TryParse(subnet.Name, out var subnetNetwork)) return true;
        if (release.IsCircinus)
        {
            if (subnet.Child("subnet-id")?.FirstValue is not { } subnetId) return run.Fail($"Unique subnet ID not specified for subnet \"{subnet.Name}\"");
            if (!state.SubnetIds.Add(subnetId)) return run.Fail($"Subnet ID for subnet \"{subnet.Name}\" is not unique");
        }

        if (release.IsSagitta && subnet.Child("subnet-parameters") is not null)
        {
            run.DeprecationWarning($"Additional subnet parameters in \"{subnet.Name}\" {DeprecationTail}");
        }

        if (subnet.Child("range") is { } ranges && !VerifyRanges(ranges, subnet.Name, subnetNetwork, ref networkLabel, run)) return false;

        foreach (var exclude in subnet.Child("exclude")?.Values ?? [])
        {
            if (Ipv4Address.TryParse(exclude, out var excluded) && !subnetNetwork.Contains(excluded))
            {
                return run.Fail($"Excluded IP address \"{exclude}\" not within shared-network \"{networkLabel}, {subnet.Name}\"!");
            }
        }

        if (subnet.Child("range") is null && subnet.Child("static-mapping") is null)
        {
            return run.Fail($"No DHCP address range or active static-mapping configured\nwithin shared-network \"{networkLabel}, {subnet.Name}\"!");
        }

        if (subnet.Child("static-mapping") is { } mappings && !VerifyStaticMappings(release, mappings, subnet.Name, subnetNetwork, networkLabel, run)) return false;

        if (network.Child("disable") is null && state.Interfaces.IsSubnetConnected(subnetNetwork)) state.ListenOk = true;

        if (state.Subnets.Any(known => known.Text == subnet.Name))
        {
            return run.Fail($"Configured subnets must be unique! Subnet \"{subnet.Name}\"\ndefined multiple times!");
        }

        state.Subnets.Add((subnet.Name, subnetNetwork));
        foreach (var (_, other) in state.Subnets)
        {
            if (other != subnetNetwork && subnetNetwork.Overlaps(other))
            {
                return run.Fail($"Conflicting subnet ranges: \"{subnetNetwork}\" overlaps \"{other}\"!");
            }
        }

        return true;
    }

    private static bool VerifyRanges(ConfigNode ranges, string subnet, Ipv4Network subnetNetwork, ref string networkLabel, ConfScriptRun run)
    {
        var previous = new List<(uint Start, uint Stop, string Text)>();
        foreach (var range in ranges.Children)
        {
            var startText = range.Child("start")?.FirstValue;
            var stopText = range.Child("stop")?.FirstValue;
            if (startText is null || stopText is null) return run.Fail($"DHCP range \"{range.Name}\" start and stop address must be defined!");
            if (!Ipv4Address.TryParse(startText, out var start) || !Ipv4Address.TryParse(stopText, out var stop)) return true;

            foreach (var (key, address) in new[] { ("start", start), ("stop", stop) })
            {
                if (!subnetNetwork.Contains(address))
                {
                    return run.Fail($"DHCP range \"{range.Name}\" {key} address not within shared-network \"{networkLabel}, {subnet}\"!");
                }
            }

            if (stop < start) return run.Fail($"DHCP range \"{range.Name}\" stop address must be greater or equal\nto the ranges start address!");

            foreach (var other in previous)
            {
                networkLabel = other.Text;
                if (start >= other.Start && start <= other.Stop) return run.Fail($"Range \"{range.Name}\" start address \"{startText}\" already part of another range!");
                if (stop >= other.Start && stop <= other.Stop) return run.Fail($"Range \"{range.Name}\" stop address \"{stopText}\" already part of another range!");
            }

            // netaddr IPRange prints as START-STOP.
            previous.Add((start, stop, $"{startText}-{stopText}"));
        }

        return true;
    }

    private static bool VerifyStaticMappings(VyosRelease release, ConfigNode mappings, string subnet, Ipv4Network subnetNetwork, string networkLabel, ConfScriptRun run)
    {
        var macLeaf = release.StaticMappingMacLeaf;
        var usedIps = new HashSet<string>(StringComparer.Ordinal);
        var usedMacs = new HashSet<string>(StringComparer.Ordinal);
        var usedDuids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in mappings.Children)
        {
            var ip = mapping.Child("ip-address")?.FirstValue;
            var mac = mapping.Child(macLeaf)?.FirstValue;
            var duid = release.IsCircinus ? mapping.Child("duid")?.FirstValue : null;
            var enabled = mapping.Child("disable") is null;
            if (ip is not null)
            {
                if (Ipv4Address.TryParse(ip, out var address) && !subnetNetwork.Contains(address))
                {
                    return run.Fail($"Configured static lease address for mapping \"{mapping.Name}\" is\nnot within shared-network \"{networkLabel}, {subnet}\"!");
                }

                if (release.IsCircinus)
                {
                    if ((mac is null) == (duid is null))
                    {
                        return run.Fail($"Either MAC address or Client identifier (DUID) is required for static mapping \"{mapping.Name}\" within shared-network \"{networkLabel}, {subnet}\"!");
                    }
                }
                else if (mac is null)
                {
                    return run.Fail($"MAC address required for static mapping \"{mapping.Name}\"\nwithin shared-network \"{networkLabel}, {subnet}\"!");
                }

                // equuleus dhcp_server.py has no duplicate checks.
                if (!release.IsEquuleus && enabled && !usedIps.Add(ip))
                {
                    return run.Fail($"Configured IP address for static mapping \"{mapping.Name}\" already exists on another static mapping");
                }
            }

            if (release.IsEquuleus || !enabled) continue;
            if (mac is not null && !usedMacs.Add(mac))
            {
                return run.Fail($"Configured MAC address for static mapping \"{mapping.Name}\" already exists on another static mapping");
            }

            if (duid is not null && !usedDuids.Add(duid))
            {
                return run.Fail($"Configured DUID for static mapping \"{mapping.Name}\" already exists on another static mapping");
            }
        }

        return true;
    }
}
