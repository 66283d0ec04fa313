using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace NatFunctions.Http;

/// <summary>
/// One token bucket per client address (<see cref="ClientAddress"/>) for what costs us without a known caller: every
/// anonymous call takes a token, and so does every failed authentication (a wrong or well-formed but unknown key costs
/// a database query). An address whose bucket is empty gets 429 with <c>Retry-After</c> for everything, valid keys
/// included, until it refills: otherwise guessing would only move on to the next request. Idle buckets are dropped.
/// </summary>
public sealed class ClientAddressLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public ClientAddressLimiter(RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Enabled = settings.AddressLimitEnabled;
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, settings.AnonymousBurst),
            TokensPerPeriod = Math.Max(1, settings.AnonymousPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public bool Enabled { get; }

    /// <summary>Whether the address has no token left; takes none.</summary>
    public bool IsSpent(HttpContext httpContext) =>
        Enabled && limiter.GetStatistics(ClientAddress.Of(httpContext))?.CurrentAvailablePermits <= 0;

    /// <summary>Takes a token for an anonymous call or a failed authentication; false when there was none.</summary>
    public bool TryTake(HttpContext httpContext)
    {
        if (!Enabled)
        {
            return true;
        }

        using var lease = limiter.AttemptAcquire(ClientAddress.Of(httpContext));
        return lease.IsAcquired;
    }

    /// <summary>The 429 an address gets while its bucket is empty.</summary>
    public static Task RefuseAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = 1.ToString(CultureInfo.InvariantCulture);
        return new ProblemResult(
            StatusCodes.Status429TooManyRequests,
            "Too many requests.",
            "Too many anonymous or failed requests from this address; retry after 1 s.").WriteAsync(httpContext);
    }

    public void Dispose() => limiter.Dispose();
}
