using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>The rounds of a read CPU run; the summary pools each server's rounds (all CPU over all reads).</summary>
/// <param name="PageItems">Item count of each page the walk found, in order.</param>
internal sealed record ReadCpuReport(IReadOnlyList<int> PageItems, IReadOnlyList<ReadCpuResult> Worker, IReadOnlyList<ReadCpuResult> Floor)
{
    public double WorkerCpuMsPerRead => CpuMsPerRead(Worker);

    public double FloorCpuMsPerRead => CpuMsPerRead(Floor);

    public double Ratio => WorkerCpuMsPerRead / FloorCpuMsPerRead;

    public int Failures => Worker.Concat(Floor).Sum(result => result.Failures);

    /// <summary>The worst round's p99 (each round's percentiles are its own).</summary>
    public double WorkerP99 => Worker.Max(result => result.Latency.P99);

    public double FloorP99 => Floor.Max(result => result.Latency.P99);

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"worker cpu per read: {WorkerCpuMsPerRead:F2} ms, floor: {FloorCpuMsPerRead:F2} ms, ratio: {Ratio:F2}, p99: {WorkerP99:F1} ms at {Worker[0].TargetRps:F0} rps (floor p99 {FloorP99:F1} ms), failures: {Failures}");

    private static double CpuMsPerRead(IReadOnlyList<ReadCpuResult> results) =>
        results.Sum(result => result.Cpu.TotalMilliseconds) / results.Sum(result => result.Requests);
}
