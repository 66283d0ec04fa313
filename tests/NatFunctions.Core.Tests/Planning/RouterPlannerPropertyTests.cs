using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Core.Tests.Planning;

/// <summary>
/// Random desired states against random router configurations (our rules in sync, missing, drifted or extra;
/// foreign rules inside and outside the managed range, some on numbers we want; hostile but valid descriptions).
/// </summary>
public sealed partial class RouterPlannerPropertyTests
{
    private const string RulePrefix = "set nat destination rule ";
    private const string OwnedMappingPrefix = "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-";

    // Shell and VyOS metacharacters that are still valid inside a single-quoted VyOS value.
    private static readonly Gen<string> HostileText = Gen.String[Gen.Char["az09 ;$()`&|<>*?#!{}[]:-_.,=~%@^é"], 0, 20];

    private static readonly Gen<string?> OptionalHostileText = Gen.Select(Gen.Bool, HostileText, (has, text) => has ? text : null);

    private static readonly Gen<(int Number, int Protocol, int External, int Internal, int Source, string? Custom, bool Disabled, int State)> ForwardSpec =
        Gen.Select(
            Gen.Select(Gen.Int[100, 199], Gen.Int[0, 2], Gen.Int[1, 65535], Gen.Int[1, 65535]),
            Gen.Select(Gen.Int[0, 2], OptionalHostileText, Gen.Bool, Gen.Int[0, 4]),
            (a, b) => (a.Item1, a.Item2, a.Item3, a.Item4, b.Item1, b.Item2, b.Item3, b.Item4));

    private static readonly Gen<(bool HasMac, int DhcpState, (int, int, int, int, int, string?, bool, int)[] Forwards)> VmSpec =
        Gen.Select(Gen.Bool, Gen.Int[0, 4], ForwardSpec.Array[0, 4]);

    // Extra rules on the router: number anywhere (inside and outside the range), description kind, text, port.
    private static readonly Gen<(int Number, int Kind, string Text, int Port, bool Log)> ExtraRuleSpec =
        Gen.Select(Gen.Int[1, 400], Gen.Int[0, 4], HostileText, Gen.Int[1, 65535], Gen.Bool);

    private static readonly Gen<(int Kind, int Host)> ExtraMappingSpec = Gen.Select(Gen.Int[0, 3], Gen.Int[20, 250]);

    private static readonly Gen<Scenario> Scenarios = Gen.Select(
        Gen.Select(Gen.Int[0, 2], Gen.Bool, VmSpec.Array[0, 6]),
        Gen.Select(Gen.Int[0, 11].Array[40], ExtraRuleSpec.Array[0, 8], ExtraMappingSpec.Array[0, 4]),
        (a, b) => Build(a.Item1, a.Item2, a.Item3, b.Item1, b.Item2, b.Item3));

    [Fact]
    public void Applying_the_plan_gives_exactly_the_desired_owned_state_touches_nothing_else_and_a_second_plan_is_empty()
    {
        Scenarios.Sample(
            scenario =>
            {
                var planner = new RouterPlanner(scenario.Settings);
                var plan = planner.Plan(scenario.Actual, scenario.Desired);

                var after = scenario.Actual.DeepClone();
                ConfigTreeEditor.Apply(after, plan.Commands);
                after = PlanningScenario.AsPrinted(after);

                Assert.True(planner.Plan(after, scenario.Desired).IsEmpty, "a second plan must be empty");
                Assert.Equal(ForeignLines(scenario, scenario.Actual), ForeignLines(scenario, after));
                AssertOwnedStateIsDesired(scenario, after);
            },
            iter: 400);
    }

    [Fact]
    public void Every_command_is_a_well_formed_single_line_set_or_delete()
    {
        Scenarios.Sample(
            scenario =>
            {
                var plan = new RouterPlanner(scenario.Settings).Plan(scenario.Actual, scenario.Desired);
                Assert.All(plan.CommandTexts, text => Assert.Null(RouterChangeRequest.FindProblem(text)));
            },
            iter: 200);
    }

    private static void AssertOwnedStateIsDesired(Scenario scenario, ConfigTree after)
    {
        var renderer = new VyosCommandRenderer(scenario.Settings.VyosVersion);
        var afterLines = PlanningScenario.Lines(after);
        var beforeLines = PlanningScenario.Lines(scenario.Actual);
        var foreignNumbersBefore = RuleNumbers(beforeLines).Where(n => n is >= 100 and <= 199 && !IsOwnedRule(beforeLines, n)).ToHashSet();

        var expectedRules = new SortedSet<int>();
        foreach (var (number, rule) in scenario.Desired.NatRules)
        {
            if (scenario.Desired.FrozenRuleNumbers.Contains(number) || foreignNumbersBefore.Contains(number)) continue;
            expectedRules.Add(number);
            var wanted = new ConfigTree();
            ConfigTreeEditor.Apply(wanted, renderer.SetNatDestinationRule(rule));
            Assert.Equal(Sorted(RuleLines(PlanningScenario.Lines(wanted), number)), Sorted(RuleLines(afterLines, number)));
        }

        foreach (var number in scenario.Desired.FrozenRuleNumbers)
        {
            Assert.Equal(Sorted(RuleLines(beforeLines, number)), Sorted(RuleLines(afterLines, number)));
            if (IsOwnedRule(beforeLines, number)) expectedRules.Add(number);
        }

        var ownedAfter = RuleNumbers(afterLines).Where(n => n is >= 100 and <= 199 && IsOwnedRule(afterLines, n));
        Assert.Equal(expectedRules, new SortedSet<int>(ownedAfter));

        var expectedMappings = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, mapping) in scenario.Desired.DhcpMappings)
        {
            if (scenario.Desired.FrozenMappingNames.Contains(name)) continue;
            expectedMappings.Add(name);
            var wanted = new ConfigTree();
            ConfigTreeEditor.Apply(wanted, renderer.SetDhcpStaticMapping(mapping));
            Assert.Equal(Sorted(MappingLines(PlanningScenario.Lines(wanted), name)), Sorted(MappingLines(afterLines, name)));
        }

        foreach (var name in scenario.Desired.FrozenMappingNames)
        {
            Assert.Equal(Sorted(MappingLines(beforeLines, name)), Sorted(MappingLines(afterLines, name)));
            if (MappingLines(beforeLines, name).Any()) expectedMappings.Add(name);
        }

        if (scenario.Settings.DhcpSharedNetwork is null) return;
        var mappingsAfter = afterLines.Where(IsOwnedMappingLine)
            .Select(l => "nf-" + l[OwnedMappingPrefix.Length..].Split(' ')[0]);
        Assert.Equal(expectedMappings, new SortedSet<string>(mappingsAfter, StringComparer.Ordinal));
    }

    /// <summary>Every line that belongs to no object we own, in order: it must not change.</summary>
    private static string[] ForeignLines(Scenario scenario, ConfigTree tree)
    {
        var lines = PlanningScenario.Lines(tree);
        var managesDhcp = scenario.Settings.DhcpSharedNetwork is not null;
        return [.. lines.Where(line =>
            !(managesDhcp && IsOwnedMappingLine(line))
            && !(TryRuleNumber(line, out var number) && number is >= 100 and <= 199 && IsOwnedRule(lines, number)))];
    }

    private static bool IsOwnedRule(IEnumerable<string> lines, int number) =>
        lines.Any(line => line.StartsWith($"{RulePrefix}{number.ToString(CultureInfo.InvariantCulture)} description '", StringComparison.Ordinal)
            && OwnedDescriptionLine().IsMatch(line));

    private static bool IsOwnedMappingLine(string line) =>
        line.StartsWith(OwnedMappingPrefix, StringComparison.Ordinal) && OwnedMappingName().IsMatch(line[OwnedMappingPrefix.Length..]);

    // The shape the renderer writes (decision 0014), spelled out independently of RouterOwnership.
    [GeneratedRegex(@" description 'nf:[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?:[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?( .+)?'$")]
    private static partial Regex OwnedDescriptionLine();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])? ")]
    private static partial Regex OwnedMappingName();

    private static IEnumerable<int> RuleNumbers(IEnumerable<string> lines) =>
        lines.Select(line => TryRuleNumber(line, out var number) ? number : -1).Where(n => n > 0).Distinct();

    private static bool TryRuleNumber(string line, out int number)
    {
        number = 0;
        if (!line.StartsWith(RulePrefix, StringComparison.Ordinal)) return false;
        return int.TryParse(line[RulePrefix.Length..].Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private static IEnumerable<string> RuleLines(IEnumerable<string> lines, int number) =>
        lines.Where(line => TryRuleNumber(line, out var n) && n == number);

    private static IEnumerable<string> MappingLines(IEnumerable<string> lines, string name) =>
        lines.Where(line => IsOwnedMappingLine(line)
            && "nf-" + line[OwnedMappingPrefix.Length..].Split(' ')[0] == name);

    private static string[] Sorted(IEnumerable<string> lines) => [.. lines.Order(StringComparer.Ordinal)];

    private static Scenario Build(
        int versionIndex,
        bool dhcp,
        (bool HasMac, int DhcpState, (int, int, int, int, int, string?, bool, int)[] Forwards)[] vmSpecs,
        int[] fates,
        (int Number, int Kind, string Text, int Port, bool Log)[] extraRules,
        (int Kind, int Host)[] extraMappings)
    {
        var settings = PlanningScenario.Settings(VyosVersion.All[versionIndex], dhcp);
        var usedNumbers = new HashSet<int>();
        var vms = new List<Vm>();
        for (var v = 0; v < vmSpecs.Length; v++)
        {
            var spec = vmSpecs[v];
            var vm = PlanningScenario.Vm($"vm{v}", $"192.168.64.{10 + v}", spec.HasMac ? $"02:00:00:00:00:{v:x2}" : null);
            vm.DhcpSyncState = State(spec.DhcpState);
            for (var f = 0; f < spec.Forwards.Length; f++)
            {
                var (number, protocol, external, internalPort, source, custom, disabled, state) = spec.Forwards[f];
                if (!usedNumbers.Add(number)) continue;
                var forward = PlanningScenario.Forward(number, $"p{f}", external, internalPort);
                forward.Protocol = (ForwardProtocol)protocol;
                forward.SourceIp = source switch { 1 => "203.0.113.5", 2 => "10.0.0.0/8", _ => null };
                forward.CustomDescription = custom;
                forward.Status = disabled ? ForwardStatus.Disabled : ForwardStatus.Enabled;
                forward.SyncState = State(state);
                vm.Forwards.Add(forward);
            }

            vms.Add(vm);
        }

        var desired = new DesiredStateBuilder(settings).Build(vms);
        var actual = ActualConfig(settings, vms, fates, extraRules, extraMappings);
        return new Scenario(settings, desired, actual);
    }

    private static ConfigTree ActualConfig(
        RouterSettings settings,
        List<Vm> vms,
        int[] fates,
        (int Number, int Kind, string Text, int Port, bool Log)[] extraRules,
        (int Kind, int Host)[] extraMappings)
    {
        var renderer = new VyosCommandRenderer(settings.VyosVersion);
        var tree = PlanningScenario.Config(
            "set interfaces ethernet eth0 address 'dhcp'",
            "set nat source rule 100 outbound-interface name 'eth0'",
            "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 range 0 start '192.168.64.100'",
            "set system host-name 'vyos'");
        // 1.5 refuses every DHCP change without a subnet-id (circinus service_dhcp-server.py verify()).
        if (settings.VyosVersion.RequiresDhcpSubnetId) ConfigTreeEditor.Apply(tree, [VyosCommand.Set(["service", "dhcp-server", "shared-network-name", "LAN", "subnet", "192.168.64.0/24", "subnet-id"], "1")]);
        var everything = new DesiredStateBuilder(settings with { ManagedRules = new RuleNumberRange(1, 999999) })
            .Build(vms.Select(vm => Unfrozen(vm)));
        var fate = 0;
        foreach (var rule in everything.NatRules.Values.OrderBy(r => r.Number))
        {
            var present = Mutate(rule, fates[fate++ % fates.Length]);
            if (present is not null) ConfigTreeEditor.Apply(tree, renderer.SetNatDestinationRule(present));
        }

        foreach (var mapping in everything.DhcpMappings.Values.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var kind = fates[fate++ % fates.Length];
            if (kind is 1 or 2) continue;
            var present = kind switch
            {
                3 => mapping with { IpAddress = "192.168.64.250" },
                4 => mapping with { MacAddress = "02:00:00:00:ff:ff" },
                5 => mapping with { Disabled = true },
                _ => mapping,
            };
            ConfigTreeEditor.Apply(tree, renderer.SetDhcpStaticMapping(present));
        }

        foreach (var (number, kind, text, port, log) in extraRules)
        {
            if (tree.Exists(VyosPaths.NatDestinationRule(number))) continue;
            var description = kind switch
            {
                0 => "nf:" + text,
                1 => text.Length == 0 ? null : text,
                2 => "nfx:" + text,
                3 => "NF:" + text,
                _ => $"nf:gone-{number.ToString(CultureInfo.InvariantCulture)}:ssh" + (text.Length == 0 ? string.Empty : " " + text),
            };
            ConfigTreeEditor.Apply(tree, renderer.SetNatDestinationRule(new NatDestinationRule(number)
            {
                Description = description,
                DestinationPort = port.ToString(CultureInfo.InvariantCulture),
                InboundInterface = "eth1",
                Protocol = "tcp",
                TranslationAddress = "10.9.9.9",
                Log = log,
            }));
        }

        for (var i = 0; i < extraMappings.Length; i++)
        {
            var (kind, host) = extraMappings[i];
            var mapping = kind switch
            {
                0 => new DhcpStaticMapping(PlanningScenario.SharedNetwork, PlanningScenario.Subnet, $"nf-gone{i}"),
                1 => new DhcpStaticMapping(PlanningScenario.SharedNetwork, PlanningScenario.Subnet, $"printer{i}"),
                2 => new DhcpStaticMapping(PlanningScenario.SharedNetwork, PlanningScenario.Subnet, settings.VyosVersion.RequiresDhcpSubnetId ? $"nf-Old-{i}" : $"nf-Old_{i}"), // 1.5 names are hostnames: no '_'

                _ => new DhcpStaticMapping("GUEST", "10.10.0.0/24", $"nf-guest{i}"),
            };
            ConfigTreeEditor.Apply(tree, renderer.SetDhcpStaticMapping(mapping with { IpAddress = $"192.168.64.{host}", MacAddress = $"02:00:00:01:00:{i:x2}" }));
        }

        return PlanningScenario.AsPrinted(tree);
    }

    /// <summary>The fate of one desired rule on the router: in sync, missing, drifted in one field, or taken by a foreign rule.</summary>
    private static NatDestinationRule? Mutate(NatDestinationRule rule, int fate) => fate switch
    {
        1 or 2 => null,
        3 => rule with { TranslationAddress = "192.168.64.250" },
        4 => rule with { DestinationPort = "1-2" },
        5 => rule with { Protocol = rule.Protocol == "udp" ? "tcp" : "udp" },
        6 => rule with { SourceAddress = "198.51.100.0/24" },
        7 => rule with { Description = rule.Description + " edited" },
        8 => rule with { InboundInterface = "eth9" },
        9 => rule with { Disabled = !rule.Disabled, Log = true },
        10 => rule with { Description = "someone elses rule" },
        _ => rule,
    };

    /// <summary>The same VM with every row desired, so frozen rows get something on the router too.</summary>
    private static Vm Unfrozen(Vm vm)
    {
        var copy = PlanningScenario.Vm(vm.MachineId, vm.InternalIp, vm.MacAddress);
        foreach (var source in vm.Forwards)
        {
            var forward = PlanningScenario.Forward(source.NatRuleNumber, source.PortName, source.ExternalPort, source.InternalPort);
            forward.Protocol = source.Protocol;
            forward.SourceIp = source.SourceIp;
            forward.CustomDescription = source.CustomDescription;
            forward.Status = source.Status;
            copy.Forwards.Add(forward);
        }

        return copy;
    }

    private static SyncState State(int dice) => dice switch { 0 or 1 => SyncState.Pending, 2 or 3 => SyncState.Applied, _ => SyncState.Failed };

    private sealed record Scenario(RouterSettings Settings, DesiredState Desired, ConfigTree Actual)
    {
        public override string ToString() =>
            $"version {Settings.VyosVersion}, dhcp {Settings.DhcpSharedNetwork is not null}\ndesired rules: {string.Join(", ", Desired.NatRules.Keys)}; frozen {string.Join(", ", Desired.FrozenRuleNumbers)}\n"
            + ConfigCommandsRenderer.Render(Actual);
    }
}
