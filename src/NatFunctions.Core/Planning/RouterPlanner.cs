using System.Globalization;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Planning;

/// <summary>
/// Compares a router's configuration with the desired state, touching only what <see cref="RouterOwnership"/> says
/// is ours. Pure: the same inputs always give the same plan, and applying the plan's commands to the same
/// configuration yields a configuration whose next plan is empty.
/// </summary>
public sealed class RouterPlanner(RouterSettings settings)
{
    private readonly RouterOwnership ownership = new(settings);
    private readonly ForeignClashFinder clashFinder = new(settings, new RouterOwnership(settings));
    private readonly VyosCommandRenderer renderer = new(settings.VyosVersion);
    private readonly IReadOnlyList<ConfigLeafField<NatDestinationRule>> ruleFields = ManagedObjectLayout.NatDestinationRule(settings.VyosVersion);
    private readonly IReadOnlyList<ConfigLeafField<DhcpStaticMapping>> mappingFields = ManagedObjectLayout.DhcpStaticMapping(settings.VyosVersion);

    public RouterPlan Plan(ConfigTree actual, DesiredState desired)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(desired);
        var changes = new List<PlannedChange>();
        var unchangedRules = new List<int>();
        var unchangedMappings = new List<string>();
        var unmanaged = new List<UnmanagedRule>();
        var refused = new List<RefusedObject>(desired.Refused);
        var clashes = clashFinder.Find(actual, desired);
        refused.AddRange(clashes);
        var heldRules = clashes.Select(clash => clash.RuleNumber).OfType<int>().ToHashSet();
        var heldMappings = clashes.Select(clash => clash.MappingName).OfType<string>().ToHashSet(StringComparer.Ordinal);

        PlanNatRules(actual, desired, heldRules, changes, unchangedRules, unmanaged, refused);
        var mappingChanges = new List<PlannedChange>();
        PlanDhcpMappings(actual, desired, heldMappings, mappingChanges, unchangedMappings);
        var routerProblems = new List<string>();
        var heldByRouter = new List<string>();
        if (mappingChanges.Count > 0 && FindDhcpSubnetProblem(actual) is { } subnetProblem)
        {
            routerProblems.Add(subnetProblem);
            heldByRouter.AddRange(mappingChanges.Select(change => change.MappingName).OfType<string>());
        }
        else
        {
            changes.AddRange(mappingChanges);
        }

        unmanaged.Sort((left, right) => left.RuleNumber.CompareTo(right.RuleNumber));

        var ordered = changes
            .OrderBy(change => change.Kind switch { PlannedChangeKind.Delete => 0, PlannedChangeKind.Update => 1, _ => 2 })
            .ThenBy(change => change.RuleNumber is null ? 1 : 0)
            .ThenBy(change => change.RuleNumber ?? 0)
            .ThenBy(change => change.MappingName, StringComparer.Ordinal)
            .ToList();
        return new RouterPlan(ordered, unchangedRules, unchangedMappings, unmanaged, refused) { RouterProblems = routerProblems, HeldMappings = heldByRouter };
    }

    /// <summary>
    /// A router-level reason VyOS would refuse any DHCP change of ours: on 1.5 (Kea) every subnet needs a unique
    /// <c>subnet-id</c> ("Unique subnet ID not specified for subnet", circinus:src/conf_mode/service_dhcp-server.py
    /// verify()), and the product does not pick one for the operator's subnet. Not any object's fault: none is frozen.
    /// </summary>
    private string? FindDhcpSubnetProblem(ConfigTree actual)
    {
        if (!settings.VyosVersion.RequiresDhcpSubnetId || settings.DhcpSharedNetwork is not { } network || settings.DhcpSubnet is not { } subnet) return null;
        if (actual.Exists([.. VyosPaths.DhcpSharedNetworks, network, "subnet", subnet, "subnet-id"])) return null;
        return $"router_misconfigured: VyOS 1.5 refuses every DHCP change while subnet {subnet} of shared network {network} has no subnet-id "
            + $"(\"Unique subnet ID not specified for subnet\"); set one on the router (set service dhcp-server shared-network-name {network} subnet {subnet} subnet-id <unique number>); "
            + "the DHCP mappings wait, nothing is frozen";
    }

    /// <param name="held">Rule numbers refused before planning: neither set nor deleted, like frozen ones.</param>
    private void PlanNatRules(
        ConfigTree actual,
        DesiredState desired,
        HashSet<int> held,
        List<PlannedChange> changes,
        List<int> unchanged,
        List<UnmanagedRule> unmanaged,
        List<RefusedObject> refused)
    {
        var (actualRules, oddlyNamed) = RuleNodesInRange(actual.Find(VyosPaths.NatDestinationRules));
        var foreignNumbers = new HashSet<int>();
        foreach (var (number, node) in oddlyNamed)
        {
            // "010" is not the node our commands for rule 10 address: whatever it is, it is not ours.
            unmanaged.Add(new UnmanagedRule(number, ManagedObjectReader.Value(node, "description")));
            foreignNumbers.Add(number);
        }

        var numbers = new int[actualRules.Count];
        actualRules.Keys.CopyTo(numbers, 0);
        Array.Sort(numbers);

        foreach (var number in numbers)
        {
            var node = actualRules[number];
            var description = ManagedObjectReader.Value(node, "description");
            if (!ownership.OwnsRule(number, description))
            {
                unmanaged.Add(new UnmanagedRule(number, description));
                foreignNumbers.Add(number);
                continue;
            }

            if (foreignNumbers.Contains(number) || desired.FrozenRuleNumbers.Contains(number) || held.Contains(number)) continue;

            if (!desired.NatRules.TryGetValue(number, out var wanted))
            {
                changes.Add(new PlannedChange(PlannedChangeKind.Delete, number, null, [], [renderer.DeleteNatDestinationRule(number)]));
                continue;
            }

            if (RenderedContent.Matches(node, wanted, ruleFields))
            {
                unchanged.Add(number);
                continue;
            }

            var rule = ManagedObjectReader.ReadNatDestinationRule(node, number, settings.VyosVersion);
            changes.Add(new PlannedChange(PlannedChangeKind.Update, rule.Number, null, RuleDrift(wanted, rule), renderer.ReplaceNatDestinationRule(wanted)));
        }

        foreach (var number in foreignNumbers.Order())
        {
            if (!desired.NatRules.ContainsKey(number) || held.Contains(number)) continue;
            refused.Add(new RefusedObject(
                number,
                null,
                $"rule {number.ToString(CultureInfo.InvariantCulture)} is already used on the router by a rule NatFunctions does not own"));
        }

        foreach (var wanted in desired.NatRules.Values)
        {
            if (actualRules.ContainsKey(wanted.Number) || foreignNumbers.Contains(wanted.Number)) continue;
            if (desired.FrozenRuleNumbers.Contains(wanted.Number) || held.Contains(wanted.Number)) continue;
            changes.Add(new PlannedChange(PlannedChangeKind.Add, wanted.Number, null, [], renderer.SetNatDestinationRule(wanted)));
        }
    }

    private void PlanDhcpMappings(ConfigTree actual, DesiredState desired, HashSet<string> held, List<PlannedChange> changes, List<string> unchanged)
    {
        if (!ownership.ManagesDhcp) return;

        var actualMappings = new Dictionary<string, DhcpStaticMapping>(StringComparer.Ordinal);
        foreach (var mapping in ManagedObjectReader.ReadDhcpStaticMappings(actual, settings.VyosVersion))
        {
            if (ownership.OwnsMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name)) actualMappings.TryAdd(mapping.Name, mapping);
        }

        foreach (var mapping in actualMappings.Values.OrderBy(mapping => mapping.Name, StringComparer.Ordinal))
        {
            if (desired.FrozenMappingNames.Contains(mapping.Name) || held.Contains(mapping.Name)) continue;

            if (!desired.DhcpMappings.TryGetValue(mapping.Name, out var wanted))
            {
                changes.Add(new PlannedChange(
                    PlannedChangeKind.Delete, null, mapping.Name, [], [renderer.DeleteDhcpStaticMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name)]));
                continue;
            }

            var path = VyosPaths.DhcpStaticMapping(mapping.SharedNetwork, mapping.Subnet, mapping.Name);
            if (RenderedContent.Matches(actual.Find(path), wanted, mappingFields))
            {
                unchanged.Add(mapping.Name);
                continue;
            }

            changes.Add(new PlannedChange(PlannedChangeKind.Update, null, mapping.Name, MappingDrift(wanted, mapping), renderer.ReplaceDhcpStaticMapping(wanted)));
        }

        foreach (var wanted in desired.DhcpMappings.Values)
        {
            if (actualMappings.ContainsKey(wanted.Name) || desired.FrozenMappingNames.Contains(wanted.Name) || held.Contains(wanted.Name)) continue;
            changes.Add(new PlannedChange(PlannedChangeKind.Add, null, wanted.Name, [], renderer.SetDhcpStaticMapping(wanted)));
        }
    }

    /// <summary>
    /// The router's rule nodes whose numbers are in the managed range: by number those tagged canonically ("10"), and
    /// apart those tagged with leading zeros ("010"), which no command of ours addresses.
    /// </summary>
    private (Dictionary<int, ConfigNode> Canonical, List<(int Number, ConfigNode Node)> OddlyNamed) RuleNodesInRange(ConfigNode? ruleNodes)
    {
        var rules = new Dictionary<int, ConfigNode>(ruleNodes?.ChildCount ?? 0);
        var oddlyNamed = new List<(int, ConfigNode)>();
        if (ruleNodes is null) return (rules, oddlyNamed);
        for (var index = 0; index < ruleNodes.ChildCount; index++)
        {
            var node = ruleNodes.ChildAt(index);
            if (!ManagedObjectReader.TryReadRuleNumber(node, out var number) || !ownership.IsInManagedRange(number)) continue;
            if (IsCanonicalNumber(node.Name) && rules.TryAdd(number, node)) continue;
            oddlyNamed.Add((number, node));
        }

        return (rules, oddlyNamed);
    }

    private static bool IsCanonicalNumber(string name) => name.Length == 1 || name[0] != '0';

    private static IReadOnlyList<DriftField> RuleDrift(NatDestinationRule wanted, NatDestinationRule actual)
    {
        var drift = new List<DriftField>();
        if (wanted.TranslationAddress != actual.TranslationAddress || wanted.DestinationAddress != actual.DestinationAddress) drift.Add(DriftField.Address);
        if (wanted.DestinationPort != actual.DestinationPort || wanted.TranslationPort != actual.TranslationPort || wanted.SourcePort != actual.SourcePort) drift.Add(DriftField.Ports);
        if (wanted.Protocol != actual.Protocol) drift.Add(DriftField.Protocol);
        if (wanted.SourceAddress != actual.SourceAddress) drift.Add(DriftField.Source);
        if (wanted.Description != actual.Description) drift.Add(DriftField.Description);
        if (wanted.InboundInterface != actual.InboundInterface) drift.Add(DriftField.Interface);
        if (wanted.Disabled != actual.Disabled) drift.Add(DriftField.Disable);
        if (drift.Count == 0) drift.Add(DriftField.Other);
        return drift;
    }

    private static IReadOnlyList<DriftField> MappingDrift(DhcpStaticMapping wanted, DhcpStaticMapping actual)
    {
        var drift = new List<DriftField>();
        if (wanted.IpAddress != actual.IpAddress) drift.Add(DriftField.Address);
        if (wanted.MacAddress != actual.MacAddress) drift.Add(DriftField.Mac);
        if (wanted.Disabled != actual.Disabled) drift.Add(DriftField.Disable);
        if (drift.Count == 0) drift.Add(DriftField.Other);
        return drift;
    }
}
