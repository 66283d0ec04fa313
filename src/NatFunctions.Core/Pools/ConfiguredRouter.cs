using NatFunctions.Core.Routers;

namespace NatFunctions.Core.Pools;

/// <summary>Checks a requested router name against the configured routers.</summary>
public static class ConfiguredRouter
{
    /// <summary>
    /// The configured spelling of <paramref name="requested"/>, or null when no router of that name is configured.
    /// Router lookup is case-insensitive (as in <see cref="IRouterClientFactory"/>), so the configured spelling is what gets stored.
    /// </summary>
    public static string? Resolve(IRouterClientFactory routers, string? requested) =>
        requested is null ? null : routers.RouterNames.FirstOrDefault(name => string.Equals(name, requested, StringComparison.OrdinalIgnoreCase));

    public static string Rule(IRouterClientFactory routers) =>
        $"is required and must name a configured router ({string.Join(", ", routers.RouterNames)})";
}
