using System.Globalization;

namespace NatFunctions.LoadTests;

internal sealed record ReadLoadResult(double TargetRps, double AchievedRps, int Clients, TimeSpan Duration, LatencySummary Pages, LatencySummary Single, LatencySummary All, int Failures)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"""
        reads: target {TargetRps:F0} rps, achieved {AchievedRps:F1} rps over {Duration.TotalSeconds:F0} s with {Clients} clients, failures {Failures}
          all              {All}
          GET /v1/vms      {Pages}
          GET /v1/vms/:id  {Single}
        """);
}
