namespace NatFunctions.Core.Routers.Preflight;

/// <summary>One finding of a router's preflight: which check, how it came out, what was found and what to do about it.</summary>
/// <param name="Check">A stable id (<c>version</c>, <c>inbound_interface</c>, …); see <see cref="PreflightCheckIds"/>.</param>
/// <param name="Fix">What an operator does about a warning or an error; null when there is nothing to do.</param>
public sealed record PreflightCheck(string Check, PreflightStatus Status, string Message, string? Fix = null)
{
    public static PreflightCheck Ok(string check, string message) => new(check, PreflightStatus.Ok, message);

    public static PreflightCheck Warning(string check, string message, string fix) => new(check, PreflightStatus.Warning, message, fix);

    public static PreflightCheck Error(string check, string message, string fix) => new(check, PreflightStatus.Error, message, fix);
}
