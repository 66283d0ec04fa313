using System.Diagnostics;
using System.Globalization;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- stages [lines] [iterations]</c>: one reconcile cycle's stages at one size, each run
/// alone many times, with wall time, this process's CPU time, allocation and collections per run. On a shared machine
/// the CPU time says what the code costs when the wall time says mostly how busy the other processes were.
/// </summary>
internal static class ReconcileStageProfile
{
    public static void Run(int lines, int iterations)
    {
        var fleet = RouterFleet.Create(Math.Max(1, lines / RouterFleet.LinesPerVm), driftEvery: 100);
        var parsed = ConfigCommandsParser.Parse(fleet.ConfigText);
        var desired = new DesiredStateBuilder(RouterFleet.Settings).Build(fleet.Vms);
        var plan = new RouterPlanner(RouterFleet.Settings).Plan(parsed, desired);
        if (plan.Changes.Count != fleet.DriftedRules) throw new InvalidOperationException("the plan does not find the planted drift");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lines} lines, {fleet.RuleCount} rules, {iterations} runs per stage, load {File.ReadAllText("/proc/loadavg").Trim()}"));
        Measure("parse", iterations, () => ConfigCommandsParser.Parse(fleet.ConfigText));
        Measure("desired state", iterations, () => new DesiredStateBuilder(RouterFleet.Settings).Build(fleet.Vms));
        Measure("diff + render", iterations, () => new RouterPlanner(RouterFleet.Settings).Plan(parsed, desired).CommandTexts);
        parsed = null!;
        desired = null!;
        Measure("whole cycle", iterations, () =>
        {
            var tree = ConfigCommandsParser.Parse(fleet.ConfigText);
            var wanted = new DesiredStateBuilder(RouterFleet.Settings).Build(fleet.Vms);
            return new RouterPlanner(RouterFleet.Settings).Plan(tree, wanted).CommandTexts;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load at the end {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    private static void Measure(string stage, int iterations, Func<object> run)
    {
        for (var warmup = 0; warmup < Math.Max(5, iterations / 4); warmup++) GC.KeepAlive(run());
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var walls = new double[iterations];
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        for (var index = 0; index < iterations; index++)
        {
            var started = Stopwatch.GetTimestamp();
            GC.KeepAlive(run());
            walls[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)iterations / (1024 * 1024);
        Array.Sort(walls);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{stage,-14} wall mean {walls.Average(),7:F2} ms  median {walls[iterations / 2],7:F2} ms  min {walls[0],7:F2} ms  cpu {cpu,7:F2} ms  alloc {allocated,6:F2} MB  gen0/1/2 per 100 runs {(GC.CollectionCount(0) - gen0) * 100.0 / iterations:F0}/{(GC.CollectionCount(1) - gen1) * 100.0 / iterations:F0}/{(GC.CollectionCount(2) - gen2) * 100.0 / iterations:F0}"));
    }
}
