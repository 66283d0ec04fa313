using NatFunctions.Core.Routers.Preflight;

namespace NatFunctions.Contracts;

/// <summary>A router's preflight: the worst status of any check, and every check in a fixed order.</summary>
public sealed record RouterPreflightResponse(string Router, DateTime CheckedAt, PreflightStatus Status, IReadOnlyList<PreflightCheckResponse> Checks)
{
    public static RouterPreflightResponse From(RouterPreflightReport report) => new(
        report.Router,
        report.CheckedAt,
        report.Status,
        report.Checks.Select(PreflightCheckResponse.From).ToList());
}
