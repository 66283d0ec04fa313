using BenchmarkDotNet.Attributes;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Benchmarks;

/// <summary>
/// One reconcile of a big router without the I/O: parse <c>show configuration commands</c>, build the desired state
/// from the stored rows, diff (1% drift), render the commands. Sizes in config lines; 90,000 lines is the fleet
/// target of 5,000 VMs x 3 rules.
/// </summary>
[MemoryDiagnoser]
public class ReconcileCycleBenchmarks
{
    private RouterFleet fleet = null!;
    private ConfigTree parsed = null!;
    private DesiredState desired = null!;

    [Params(1_000, 10_000, 50_000, 90_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        fleet = RouterFleet.Create(Math.Max(1, Lines / RouterFleet.LinesPerVm), driftEvery: 100);
        parsed = ConfigCommandsParser.Parse(fleet.ConfigText);
        desired = new DesiredStateBuilder(RouterFleet.Settings).Build(fleet.Vms);
        var plan = new RouterPlanner(RouterFleet.Settings).Plan(parsed, desired);
        // The figures mean nothing unless the diff finds exactly the drift that was planted.
        if (plan.Changes.Count != fleet.DriftedRules || plan.UnchangedRules.Count != fleet.RuleCount - fleet.DriftedRules)
        {
            throw new InvalidOperationException($"expected {fleet.DriftedRules} updates of {fleet.RuleCount} rules, planned {plan.Changes.Count}");
        }
    }

    [Benchmark(Description = "parse")]
    public ConfigTree Parse() => ConfigCommandsParser.Parse(fleet.ConfigText);

    [Benchmark(Description = "desired state")]
    public DesiredState BuildDesired() => new DesiredStateBuilder(RouterFleet.Settings).Build(fleet.Vms);

    [Benchmark(Description = "diff + render")]
    public IReadOnlyList<string> PlanAndRender() => new RouterPlanner(RouterFleet.Settings).Plan(parsed, desired).CommandTexts;

    [Benchmark(Description = "whole cycle")]
    public IReadOnlyList<string> WholeCycle()
    {
        var tree = ConfigCommandsParser.Parse(fleet.ConfigText);
        var wanted = new DesiredStateBuilder(RouterFleet.Settings).Build(fleet.Vms);
        return new RouterPlanner(RouterFleet.Settings).Plan(tree, wanted).CommandTexts;
    }
}
