namespace NatFunctions.Core.Routers.Preflight;

/// <summary>A router's preflight: every check, read from one session at <paramref name="CheckedAt"/>.</summary>
public sealed record RouterPreflightReport(string Router, DateTime CheckedAt, IReadOnlyList<PreflightCheck> Checks)
{
    /// <summary>The worst status of any check: the router is ready for the product only when this is not an error.</summary>
    public PreflightStatus Status => Checks.Count == 0 ? PreflightStatus.Ok : Checks.Max(check => check.Status);
}
