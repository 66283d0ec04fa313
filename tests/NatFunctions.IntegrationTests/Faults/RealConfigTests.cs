using System.Globalization;
using System.Text.RegularExpressions;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Provisioning;
using NatFunctions.Core.Routers;
using NatFunctions.Core.Vyos;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Leases;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// The held-back real-config check (see RealConfigs/README.md): on a router holding someone's real configuration with
/// its own NAT rules, including rules inside our managed range, the reconciler changes nothing that is not ours. Each
/// file runs with the default managed range and with a range that covers every rule it has.
/// </summary>
public sealed partial class RealConfigTests
{
    private static readonly RuleNumberRange DefaultRange = new(10000, 19999);
    private static readonly RuleNumberRange EveryRule = new(NatDestinationRule.MinimumNumber, NatDestinationRule.MaximumNumber);

    public static TheoryData<string, bool> ConfigFiles()
    {
        var files = new TheoryData<string, bool>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.txt").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file), false);
            files.Add(Path.GetFileName(file), true);
        }

        return files;
    }

    private static string Folder => Path.Combine(BuildOutputs.RepositoryRoot, "tests", "NatFunctions.IntegrationTests", "Faults", "RealConfigs");

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public async Task With_an_empty_database_a_repair_sync_touches_nothing_that_is_not_ours(string file, bool everyRuleManaged)
    {
        await using var rig = await StartAsync(file, everyRuleManaged);
        var before = await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None);
        var marked = MarkedRulesInRange(before, rig.Router.ManagedRules);

        var report = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None));
        var after = await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None);

        // A rule in the range with our marker's full shape is ours by definition (none of the real files has one in
        // the default range): with no row behind it, it is the only thing a repair may delete.
        Assert.Equal(marked.Count == 0 ? SyncOutcome.NoChange : SyncOutcome.Committed, report.Outcome);
        Assert.All(report.Plan!.Changes, change => Assert.Equal(PlannedChangeKind.Delete, change.Kind));
        Assert.Equal(marked, report.Plan.Changes.Select(change => change.RuleNumber!.Value));
        Assert.All(report.CommandsSent, command => Assert.True(IsRuleLine(command, marked), $"sent a command for something not ours: {command}"));
        Assert.Equal(RulesInRange(before, rig.Router.ManagedRules).Except(marked), report.Plan.Unmanaged.Select(rule => rule.RuleNumber).Distinct());
        Assert.Equal(Lines(before).Where(line => !IsRuleLine(line, marked)), Lines(after));
        if (marked.Count == 0) Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public async Task Vms_provisioned_through_the_allocator_avoid_foreign_objects_and_leave_everything_else_byte_identical(string file, bool everyRuleManaged)
    {
        await using var rig = await StartAsync(file, everyRuleManaged);
        var before = await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None);
        var marked = MarkedRulesInRange(before, rig.Router.ManagedRules);
        var foreignPorts = ForeignDestinationPorts(before, rig.Router, marked);
        var foreignIps = ManagedObjectReader.ReadDhcpStaticMappings(ConfigCommandsParser.Parse(before), rig.Router.VyosVersion)
            .Select(mapping => mapping.IpAddress).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var vmA = await rig.ProvisionAsync("vm-a", "02:00:00:00:00:a1", "ssh", "http");
        var vmB = await rig.ProvisionAsync("vm-b", null, "ssh");
        var after = await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None);
        var forwards = await rig.ForwardsAsync();
        var ours = forwards.Select(forward => forward.NatRuleNumber).ToHashSet();
        bool IsOurs(string line) => IsRuleLine(line, ours) || line.Contains(" static-mapping nf-vm-a ", StringComparison.Ordinal);
        var sent = (await rig.ChangesAsync()).SelectMany(change => change.Commands.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();

        Assert.Equal((ApplyState.Applied, ApplyState.Applied), (vmA.State, vmB.State));
        Assert.Equal(3, forwards.Count);
        Assert.All(forwards, forward =>
        {
            Assert.True(rig.Router.ManagedRules.Contains(forward.NatRuleNumber));
            Assert.DoesNotContain(forward.NatRuleNumber, RuleNumbers(before));
            Assert.DoesNotContain(forward.ExternalPort, foreignPorts);
        });
        Assert.DoesNotContain(vmA.Vm!.InternalIp, foreignIps);
        Assert.DoesNotContain(vmB.Vm!.InternalIp, foreignIps);
        Assert.NotEmpty(sent);
        Assert.All(sent, command => Assert.True(IsOurs(command) || IsRuleLine(command, marked), $"sent a command for something not ours: {command}"));
        Assert.Equal(Lines(before).Where(line => !IsRuleLine(line, marked)), Lines(after).Where(line => !IsOurs(line)));
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);

        // The router is unchanged since: a repair, a timer sync and a dry run all plan nothing.
        var repair = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: false, ChangeTrigger.Manual, "admin", CancellationToken.None));
        var dryRun = Assert.Single(await rig.Sync.SyncReportsAsync("edge", dryRun: true, ChangeTrigger.Manual, "admin", CancellationToken.None));
        Assert.Equal(SyncOutcome.NoChange, repair.Outcome);
        Assert.Empty(repair.Plan!.Changes);
        Assert.Empty(repair.CommandsSent);
        Assert.Empty(dryRun.Plan!.Changes);
        Assert.Equal(after, await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None));
    }

    private static Task<ApplierRig> StartAsync(string file, bool everyRuleManaged)
    {
        var match = VersionInName().Match(file);
        var version = match.Success ? VyosVersion.Parse(match.Groups[1].Value) : VyosVersion.V1_4;
        var config = File.ReadAllText(Path.Combine(Folder, file));
        var servesLan = ServesLanDhcp(config);
        return ApplierRig.StartAsync(
            initialConfig: config,
            adjustRouter: router => router with
            {
                VyosVersion = version,
                ManagedRules = everyRuleManaged ? EveryRule : DefaultRange,
                DhcpSharedNetwork = servesLan ? router.DhcpSharedNetwork : null,
                DhcpSubnet = servesLan ? router.DhcpSubnet : null,
            });
    }

    /// <summary>
    /// Whether the file's router already serves DHCP on the rig's LAN (shared network LAN, subnet 192.168.64.0/24).
    /// A router that does not (some real files are NAT-only, with no LAN interface address at all) would refuse any
    /// static mapping we add: VyOS's DHCP verify wants a primary interface address inside a configured subnet
    /// (equuleus:src/conf_mode/dhcp_server.py and sagitta:src/conf_mode/service_dhcp-server.py verify(), "None of the
    /// configured subnets have an appropriate primary IP address …"). An operator would not point DhcpSharedNetwork
    /// at such a router, so the rig does not either.
    /// </summary>
    private static bool ServesLanDhcp(string config) =>
        config.Contains("set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 ", StringComparison.Ordinal);

    private static string[] Lines(string configuration) => configuration.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsRuleLine(string line, IReadOnlyCollection<int> numbers)
    {
        var match = RuleLine().Match(line);
        return match.Success && numbers.Contains(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static IEnumerable<int> RuleNumbers(string configuration) =>
        Lines(configuration)
            .Select(line => RuleLine().Match(line))
            .Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .Order();

    private static IEnumerable<int> RulesInRange(string configuration, RuleNumberRange range) => RuleNumbers(configuration).Where(range.Contains);

    /// <summary>Rules in the range whose description has our marker's full shape, read from the raw text.</summary>
    private static List<int> MarkedRulesInRange(string configuration, RuleNumberRange range) =>
        [.. Lines(configuration)
            .Select(line => DescriptionLine().Match(line))
            .Where(match => match.Success && MarkerShape.IsOurDescription(match.Groups[2].Value))
            .Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            .Where(range.Contains)
            .Distinct()
            .Order()];

    private static HashSet<int> ForeignDestinationPorts(string configuration, RouterSettings router, List<int> marked) =>
        ManagedObjectReader.ReadNatDestinationRules(ConfigCommandsParser.Parse(configuration), router.VyosVersion)
            .Where(rule => !marked.Contains(rule.Number) && !rule.Exclude)
            .SelectMany(rule => PortSpecification.Ports(rule.DestinationPort))
            .ToHashSet();

    [GeneratedRegex(@"^(?:set|delete|comment) nat destination rule (\d+)(?: |$)")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"^set nat destination rule (\d+) description '(.*)'$")]
    private static partial Regex DescriptionLine();

    [GeneratedRegex(@"\.vyos-(1\.[345])\.txt$")]
    private static partial Regex VersionInName();
}
