using Microsoft.Extensions.Configuration;

namespace NatFunctions.Http;

/// <summary>
/// Per-API-key request budget (settings <c>RateLimit:PermitsPerSecond</c>, <c>RateLimit:Burst</c>; 0 turns it off).
/// The budget is per instance: in Azure each scaled-out instance enforces it on its own, which bounds what one key
/// can do to the routers behind one instance and keeps a runaway client from starving the others there.
/// </summary>
public sealed record RateLimitSettings(int PermitsPerSecond, int Burst)
{
    public bool Enabled => PermitsPerSecond > 0 && Burst > 0;

    public static RateLimitSettings FromConfiguration(IConfiguration configuration) => new(
        configuration.GetValue("RateLimit:PermitsPerSecond", 1000),
        configuration.GetValue("RateLimit:Burst", 2000));
}
