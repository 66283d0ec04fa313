using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>
/// What one burst of concurrent provisions cost: wall time, latency, commits, how the requests ended, what the router
/// ran and the router's own bound for that work (<see cref="RouterCostModel.BoundOf"/>).
/// </summary>
internal sealed record BurstResult(
    string Mode,
    int Concurrency,
    TimeSpan Wall,
    LatencySummary Latency,
    int Commits,
    IReadOnlyDictionary<int, int> StatusCounts,
    RouterWork RouterWork,
    TimeSpan Bound)
{
    public double RequestsPerSecond => Concurrency / Wall.TotalSeconds;

    public double CommitsPerRequest => (double)Commits / Concurrency;

    /// <summary>Wall time over the router's own bound: 1 is as fast as the router and the network allow.</summary>
    public double BoundRatio => Bound > TimeSpan.Zero ? Wall / Bound : double.NaN;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Mode,-11} {Concurrency,4} concurrent: {RequestsPerSecond,7:F2} rps, wall {Wall.TotalSeconds:F1} s, {Latency}, commits {Commits} ({CommitsPerRequest:F3}/request), statuses {string.Join(" ", StatusCounts.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}"))}; router ran {RouterWork}: bound {Bound.TotalSeconds:F1} s, ratio {BoundRatio:F2}");
}
