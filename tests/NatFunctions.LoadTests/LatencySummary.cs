using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>Percentiles (nearest rank) of a set of request latencies, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IReadOnlyCollection<TimeSpan> latencies)
    {
        if (latencies.Count == 0) return new LatencySummary(0, 0, 0, 0, 0);
        var sorted = latencies.Select(latency => latency.TotalMilliseconds).Order().ToArray();
        return new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1]);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms (n={Count})");

    private static double Percentile(double[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
