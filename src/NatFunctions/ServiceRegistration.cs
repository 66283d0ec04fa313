using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NatFunctions.Http;

namespace NatFunctions;

/// <summary>
/// The app's one registration entry, for its own HTTP parts (middleware services, the MCP endpoint); Core's use cases come from <c>AddCore</c> and the
/// adapters from <c>AddInfrastructure</c>.
/// </summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddHttpParts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(RateLimitSettings.FromConfiguration(configuration));
        services.AddSingleton<ClientAddressLimiter>();
        services.AddScoped<IdempotencyGuard>();
        services.AddScoped<NatFunctions.Mcp.McpToolCatalog>();
        services.AddScoped<NatFunctions.Mcp.McpEndpoint>();
        return services;
    }
}
