using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>
/// Runs the scenarios the options ask for against one simulated router (sshd-backed, or its HTTP API), each mode on its own fresh
/// LocalHost, database and router state, and prints the figures; the last line is the summary a check reads.
/// </summary>
internal sealed class LoadHarness(HarnessOptions options, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, build {BuildOutputs.Configuration}, load average {LoadAverage.Read()}"));
        if (options.ReadCpu)
        {
            // No sshd: the simulated transport is configured and never reached by page reads.
            var report = await ReadCpuComparison.RunAsync(
                options.ReadVms, options.ReadCpuRequests, options.ReadCpuWarmUp, options.ReadCpuRps, options.ReadCpuRounds, LogSettings(), output, cancellationToken);
            output.WriteLine(report.Summary());
            if (options.SkipProvision && !options.Reads && options.SshSessions == 0)
            {
                return report.Failures == 0 ? 0 : 1;
            }
        }

        await using IHarnessRouter router = options.Transport == HarnessOptions.HttpApiTransport
            ? await HttpApiRouterServer.StartAsync(options.RouterModel, cancellationToken)
            : await SshRouterServer.StartAsync(options.RouterModel, cancellationToken);
        output.WriteLine(router.Description);

        if (options.SshSessions > 0)
        {
            output.WriteLine(await SshReuseMeasurement.RunAsync((SshRouterServer)router, options.SshSessions, cancellationToken));
        }

        if (options.Reads)
        {
            output.WriteLine(await RunReadsAsync(router, cancellationToken));
        }

        if (options.SkipProvision)
        {
            return 0;
        }

        var group = await RunBurstsAsync(router, "group", options.Concurrency, cancellationToken);
        var baselineLevels = options.Concurrency.Where(level => level <= options.BaselineMax).ToList();
        var baseline = options.CompareBaseline && baselineLevels.Count > 0
            ? await RunBurstsAsync(router, ProvisionBurst.BaselineMode, baselineLevels, cancellationToken)
            : [];

        output.WriteLine("results:");
        foreach (var result in group.Concat(baseline))
        {
            output.WriteLine("  " + result);
        }

        output.WriteLine(Summary(group, baseline, options.RouterModel, options.Transport));
        return 0;
    }

    private async Task<IReadOnlyList<BurstResult>> RunBurstsAsync(
        IHarnessRouter router, string mode, IReadOnlyList<int> levels, CancellationToken cancellationToken)
    {
        await router.ResetRouterAsync(cancellationToken);
        await using var stack = await LoadStack.StartAsync(router.RouterEnvironment(LoadStack.RouterName), LogSettings(), cancellationToken);
        // The first provision pays for JIT, the SSH connection and the first commit; it is not measured.
        var warmUp = await ProvisionBurst.RunAsync(stack, router, mode, 1, $"warm-{mode}", cancellationToken);
        output.WriteLine($"{mode}: warm-up provision took {warmUp.Wall.TotalMilliseconds:F0} ms");
        var results = new List<BurstResult>();
        foreach (var level in levels)
        {
            var result = await ProvisionBurst.RunAsync(stack, router, mode, level, $"{mode}-c{level}", cancellationToken);
            output.WriteLine("  " + result);
            results.Add(result);
        }

        return results;
    }

    private async Task<string> RunReadsAsync(IHarnessRouter router, CancellationToken cancellationToken)
    {
        await router.ResetRouterAsync(cancellationToken);
        await using var stack = await LoadStack.StartAsync(router.RouterEnvironment(LoadStack.RouterName), LogSettings(), cancellationToken);
        var machineIds = await VmSeeder.SeedAsync(stack, options.ReadVms, cancellationToken);
        output.WriteLine($"reads: seeded {machineIds.Count} VMs ({machineIds.Count * 3} forwards) into {stack.DatabasePath}");
        var result = await ReadLoad.RunAsync(stack.Client, machineIds, options.ReadRps, options.ReadClients, TimeSpan.FromSeconds(options.ReadSeconds), cancellationToken);
        return result.ToString();
    }

    private Dictionary<string, string> LogSettings() => options.QuietLogs
        ? new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // LocalHost reads the same variables: its own "LocalHost" lines (the ready line among them) must stay.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__LocalHost"] = "Information",
        }
        : [];

    private static string Summary(IReadOnlyList<BurstResult> group, IReadOnlyList<BurstResult> baseline, RouterCostModel model, string transport)
    {
        // Compare at the largest burst both modes ran; without a baseline, report the largest group burst.
        var compared = baseline.Count == 0 ? null : baseline.MaxBy(result => result.Concurrency)!;
        var ours = compared is null ? group.MaxBy(result => result.Concurrency)! : group.Single(result => result.Concurrency == compared.Concurrency);
        var speedup = compared is null ? "n/a" : (ours.RequestsPerSecond / compared.RequestsPerSecond).ToString("F1", CultureInfo.InvariantCulture) + "x";
        return string.Create(CultureInfo.InvariantCulture,
            $"speedup: {speedup}, commits per request: {ours.CommitsPerRequest:F3}, p99: {ours.Latency.P99:F0} ms, bound ratio: {ours.BoundRatio:F2}, bound: {ours.Bound.TotalMilliseconds:F0} ms, transport: {transport}, command delay: {model.CommandDelayMs} ms, rtt: {model.RttMs} ms, commit delay: {model.CommitDelayMs} ms");
    }
}
