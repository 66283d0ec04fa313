using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>What one burst of concurrent provisions cost: wall time, latency, commits, and how the requests ended.</summary>
internal sealed record BurstResult(
    string Mode, int Concurrency, TimeSpan Wall, LatencySummary Latency, int Commits, IReadOnlyDictionary<int, int> StatusCounts)
{
    public double RequestsPerSecond => Concurrency / Wall.TotalSeconds;

    public double CommitsPerRequest => (double)Commits / Concurrency;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Mode,-11} {Concurrency,4} concurrent: {RequestsPerSecond,7:F2} rps, wall {Wall.TotalSeconds:F1} s, {Latency}, commits {Commits} ({CommitsPerRequest:F3}/request), statuses {string.Join(" ", StatusCounts.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}"))}");
}
