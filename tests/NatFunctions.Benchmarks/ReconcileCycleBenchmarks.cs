using BenchmarkDotNet.Attributes;
using NatFunctions.Core.Planning;
using NatFunctions.Core.Vyos;

namespace NatFunctions.Benchmarks;

/// <summary>
/// One reconcile of a big router without the I/O: parse <c>show configuration commands</c>, build the desired state
/// from the stored rows, read the owned rules and diff them (1% drift), render the commands. Sizes in config lines;
/// 50,000 lines hold 8,331 owned rules, 90,000 lines are the fleet target of 5,000 VMs x 3 rules (15,000).
/// </summary>
/// <remarks>
/// Each benchmark's setup keeps only what that benchmark reads (the router's text and the stored rows; the parsed
/// tree and desired state only for the diff alone), so the heap a collection walks is the cycle's own, as in the
/// worker, not the inputs of the other benchmarks.
/// </remarks>
[MemoryDiagnoser]
public class ReconcileCycleBenchmarks
{
    private RouterFleet fleet = null!;
    private ConfigTree parsed = null!;
    private DesiredState desired = null!;

    [Params(1_000, 10_000, 50_000, 90_000)]
    public int Lines { get; set; }

    [GlobalSetup(Targets = [nameof(Parse), nameof(BuildDesired), nameof(WholeCycle)])]
    public void Setup()
    {
        fleet = RouterFleet.Create(Math.Max(1, Lines / RouterFleet.LinesPerVm), driftEvery: 100);

        // The figures mean nothing unless the diff finds exactly the drift that was planted.
        var plan = new RouterPlanner(RouterFleet.Settings).Plan(ConfigCommandsParser.Parse(fleet.ConfigText), new DesiredStateBuilder(RouterFleet.Settings).Build(fleet.Vms));
        if (plan.Changes.Count != fleet.DriftedRules || plan.UnchangedRules.Count != fleet.RuleCount - fleet.DriftedRules)
        {
            throw new InvalidOperationException($"expected {fleet.DriftedRules} updates of {fleet.RuleCount} rules, planned {plan.Changes.Count}");
        }
    }

    [GlobalSetup(Target = nameof(PlanAndRender))]
    public void SetupParsedAndDesired()
    {
        Setup();
        parsed = ConfigCommandsParser.Parse(fleet.ConfigText);
        desired = new DesiredStateBuilder(RouterFleet.Settings).Build(fleet.Vms);
    }

    [Benchmark(Description = "parse")]
    public ConfigTree Parse() => ConfigCommandsParser.Parse(fleet.ConfigText);

    [Benchmark(Description = "desired state")]
    public DesiredState BuildDesired() => new DesiredStateBuilder(RouterFleet.Settings).Build(fleet.Vms);

    /// <summary>Reads the owned rules out of the tree, compares them with the desired ones, renders the changes.</summary>
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
