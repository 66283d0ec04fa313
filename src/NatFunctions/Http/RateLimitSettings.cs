using Microsoft.Extensions.Configuration;

namespace NatFunctions.Http;

/// <summary>
/// Per-API-key request budget (settings <c>RateLimit:PermitsPerSecond</c>, <c>RateLimit:Burst</c>; 0 turns it off)
/// and per-client-address budget for anonymous calls and failed authentication (<c>RateLimit:AnonymousPerSecond</c>,
/// default 10, <c>RateLimit:AnonymousBurst</c>, default 200; 0 turns it off). The budgets are per instance: in Azure
/// each scaled-out instance enforces them on its own, which bounds what one key or one address can do to the
/// database and the routers behind one instance and keeps a runaway client from starving the others there.
/// </summary>
public sealed record RateLimitSettings(int PermitsPerSecond, int Burst, int AnonymousPerSecond = 10, int AnonymousBurst = 200)
{
    public bool Enabled => PermitsPerSecond > 0 && Burst > 0;

    public bool AddressLimitEnabled => AnonymousPerSecond > 0 && AnonymousBurst > 0;

    public static RateLimitSettings FromConfiguration(IConfiguration configuration) => new(
        configuration.GetValue("RateLimit:PermitsPerSecond", 1000),
        configuration.GetValue("RateLimit:Burst", 2000),
        configuration.GetValue("RateLimit:AnonymousPerSecond", 10),
        configuration.GetValue("RateLimit:AnonymousBurst", 200));
}
