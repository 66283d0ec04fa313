namespace NatFunctions.Core.Auth.EntraId;

/// <summary>The <c>Auth:EntraId</c> settings are unusable; thrown at startup so the app refuses to run with them.</summary>
public sealed class EntraIdSettingsException(IReadOnlyList<string> errors)
    : Exception("Invalid Entra ID settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
