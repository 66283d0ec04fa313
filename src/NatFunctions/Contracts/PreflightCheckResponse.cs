using NatFunctions.Core.Routers.Preflight;

namespace NatFunctions.Contracts;

/// <summary>One preflight finding; <see cref="Fix"/> is null when the check is ok.</summary>
public sealed record PreflightCheckResponse(string Check, PreflightStatus Status, string Message, string? Fix)
{
    public static PreflightCheckResponse From(PreflightCheck check) => new(check.Check, check.Status, check.Message, check.Fix);
}
