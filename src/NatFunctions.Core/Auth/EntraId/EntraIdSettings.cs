using Microsoft.Extensions.Configuration;
using NatFunctions.Core.Domain;

namespace NatFunctions.Core.Auth.EntraId;

/// <summary>
/// Setting <c>Auth:EntraId</c>: whether the App Service client principal is accepted (<c>Enabled</c>, off by default)
/// and which of our roles each Entra app role grants (<c>RoleMap:&lt;app role value&gt; = admin|operator|reader</c>).
/// App role names are matched ignoring case, as configuration keys are.
/// </summary>
public sealed record EntraIdSettings(bool Enabled, IReadOnlyDictionary<string, ApiRole> RoleMap)
{
    public const string SectionName = "Auth:EntraId";

    /// <summary>
    /// The app setting App Service (and Functions on Flex Consumption) sets to <c>True</c> while its built-in
    /// Authentication runs in front of the app; only then are client-sent <c>X-MS-CLIENT-PRINCIPAL</c> headers removed.
    /// </summary>
    public const string PlatformAuthenticationFlag = "WEBSITE_AUTH_ENABLED";

    public static readonly EntraIdSettings Disabled = new(false, new Dictionary<string, ApiRole>(StringComparer.OrdinalIgnoreCase));

    /// <exception cref="EntraIdSettingsException">The section is unusable; every problem is listed.</exception>
    public static EntraIdSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var errors = new List<string>();
        var enabledText = section["Enabled"];
        var enabled = false;
        if (!string.IsNullOrWhiteSpace(enabledText) && !bool.TryParse(enabledText.Trim(), out enabled))
        {
            errors.Add($"{SectionName}:Enabled must be true or false");
        }

        var map = new Dictionary<string, ApiRole>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in section.GetSection("RoleMap").GetChildren())
        {
            var roleName = entry.Value?.Trim().ToLowerInvariant();
            if (ApiRoleNames.TryParse(roleName, out var role))
            {
                map[entry.Key] = role;
            }
            else
            {
                errors.Add($"{SectionName}:RoleMap:{entry.Key} must be admin, operator or reader");
            }
        }

        if (enabled && errors.Count == 0 && map.Count == 0)
        {
            errors.Add($"{SectionName}:Enabled is true but {SectionName}:RoleMap maps no app role, so no Entra ID caller could do anything; add e.g. {SectionName}:RoleMap:NatFunctions.Admin = admin");
        }

        if (enabled && !string.Equals(configuration[PlatformAuthenticationFlag]?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{SectionName}:Enabled is true but App Service Authentication is not on ({PlatformAuthenticationFlag} is not True): "
                + "without it anyone can send X-MS-CLIENT-PRINCIPAL and be whoever they claim; turn on Authentication for the app with "
                + "Microsoft as its identity provider, or set Enabled to false");
        }

        if (errors.Count > 0)
        {
            throw new EntraIdSettingsException(errors);
        }

        return new EntraIdSettings(enabled, map);
    }
}
