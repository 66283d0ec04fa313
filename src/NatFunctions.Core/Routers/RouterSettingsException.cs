namespace NatFunctions.Core.Routers;

/// <summary>The router settings are unusable; <see cref="Errors"/> lists every problem, each naming its setting key.</summary>
public sealed class RouterSettingsException(IReadOnlyList<string> errors)
    : Exception("Invalid router settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
