using System.Globalization;
using System.Text.RegularExpressions;
using NatFunctions.Core.Applying;
using NatFunctions.Core.Domain;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Vyos;
using NatFunctions.IntegrationTests.Applying;
using NatFunctions.IntegrationTests.Leases;

namespace NatFunctions.IntegrationTests.Faults;

/// <summary>
/// The held-back real-config check (see RealConfigs/README.md): on a router holding someone's real configuration with
/// its own NAT rules, including rules inside our managed range, the reconciler changes nothing that is not ours.
/// </summary>
public sealed partial class RealConfigTests
{
    private const int FirstManagedRule = 10000;
    private const int LastManagedRule = 19999;
    private const string OurMappingPrefix = "set service dhcp-server shared-network-name LAN subnet 192.168.64.0/24 static-mapping nf-";

    public static TheoryData<string> ConfigFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.txt").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    private static string Folder => Path.Combine(AzuriteProcess.FindRepositoryRoot(), "tests", "NatFunctions.IntegrationTests", "Faults", "RealConfigs");

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public async Task With_an_empty_database_a_repair_sync_plans_nothing_and_the_configuration_stays_byte_identical(string file)
    {
        await using var rig = await StartAsync(file);
        var before = await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None);

        var report = Assert.Single(await rig.Sync.SyncAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None));

        Assert.Equal(SyncOutcome.NoChange, report.Outcome);
        Assert.Empty(report.Plan!.Changes);
        Assert.Empty(report.CommandsSent);
        Assert.Equal(ForeignRulesInManagedRange(before), report.Plan.Unmanaged.Select(rule => rule.RuleNumber));
        Assert.Equal(before, await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public async Task With_our_vms_a_repair_sync_touches_only_our_objects_and_everything_else_stays_byte_identical(string file)
    {
        await using var rig = await StartAsync(file);
        var before = await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None);
        var ours = FreeManagedRuleNumbers(before).Take(3).ToArray();
        await rig.AddVmAsync("vm-a", "192.168.64.201", "02:00:00:00:00:a1", ApplierRig.Forward(ours[0], "ssh", 32001, 22), ApplierRig.Forward(ours[1], "http", 32002, 80));
        await rig.AddVmAsync("vm-b", "192.168.64.202", null, ApplierRig.Forward(ours[2], "ssh", 32003, 22));
        var ourRulePrefixes = ours.Select(number => $"set nat destination rule {number.ToString(CultureInfo.InvariantCulture)} ").ToArray();
        bool IsOurs(string line) => ourRulePrefixes.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal)) || line.StartsWith(OurMappingPrefix, StringComparison.Ordinal);

        var report = Assert.Single(await rig.Sync.SyncAsync("edge", dryRun: false, ChangeTrigger.Manual, "admin", CancellationToken.None));
        var after = await rig.Client.ReadConfigurationCommandsAsync(CancellationToken.None);
        var second = Assert.Single(await rig.Sync.SyncAsync("edge", dryRun: false, ChangeTrigger.Timer, null, CancellationToken.None));

        Assert.Equal(SyncOutcome.Committed, report.Outcome);
        Assert.All(report.Plan!.Changes, change => Assert.Equal(PlannedChangeKind.Add, change.Kind));
        Assert.Equal(
            ours.Select(number => "nat destination rule " + number.ToString(CultureInfo.InvariantCulture)).Append("dhcp static-mapping nf-vm-a").Order(StringComparer.Ordinal),
            report.Plan.Changes.Select(change => change.Subject).Order(StringComparer.Ordinal));
        Assert.NotEmpty(report.CommandsSent);
        Assert.All(report.CommandsSent, command => Assert.True(IsOurs(command), $"sent a command for something not ours: {command}"));
        Assert.Equal(ForeignRulesInManagedRange(before), report.Plan.Unmanaged.Select(rule => rule.RuleNumber));
        Assert.Equal(Lines(before), Lines(after).Where(line => !IsOurs(line)));
        Assert.Empty(second.Plan!.Changes);
        await RouterDatabaseAgreement.AssertAsync(rig, expectedForwards: 3);
    }

    private static Task<ApplierRig> StartAsync(string file)
    {
        var match = VersionInName().Match(file);
        var version = match.Success ? VyosVersion.Parse(match.Groups[1].Value) : VyosVersion.V1_4;
        var config = File.ReadAllText(Path.Combine(Folder, file));
        return ApplierRig.StartAsync(initialConfig: config, adjustRouter: router => router with { VyosVersion = version });
    }

    private static string[] Lines(string configuration) => configuration.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<int> RuleNumbers(string configuration) =>
        Lines(configuration)
            .Select(line => RuleLine().Match(line))
            .Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .Order();

    private static IEnumerable<int> ForeignRulesInManagedRange(string configuration) =>
        RuleNumbers(configuration).Where(number => number is >= FirstManagedRule and <= LastManagedRule);

    private static IEnumerable<int> FreeManagedRuleNumbers(string configuration)
    {
        var used = RuleNumbers(configuration).ToHashSet();
        return Enumerable.Range(FirstManagedRule, LastManagedRule - FirstManagedRule + 1).Where(number => !used.Contains(number));
    }

    [GeneratedRegex(@"^set nat destination rule (\d+)(?: |$)")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"\.vyos-(1\.[345])\.txt$")]
    private static partial Regex VersionInName();
}
