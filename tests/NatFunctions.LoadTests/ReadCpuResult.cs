using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>One server's share of a read CPU run: its CPU time over a fixed count of page reads sent at a fixed rate.</summary>
/// <param name="Failures">Answers that were not 200 with the page's item count.</param>
/// <param name="FailureKinds">What those answers were, e.g. <c>status 502 x3</c>.</param>
internal sealed record ReadCpuResult(
    string Server, int Requests, double TargetRps, TimeSpan Elapsed, TimeSpan Cpu, LatencySummary Latency, int Failures, string FailureKinds)
{
    public double CpuMsPerRequest => Cpu.TotalMilliseconds / Requests;

    public double AchievedRps => Requests / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Server}: {Requests} reads, target {TargetRps:F0} rps, achieved {AchievedRps:F1} rps, cpu {Cpu.TotalMilliseconds:F0} ms = {CpuMsPerRequest:F2} ms per read, failures {Failures}{(Failures == 0 ? string.Empty : $" ({FailureKinds})")}, {Latency}");
}
