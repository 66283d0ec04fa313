using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace NatFunctions.Http;

/// <summary>Answers 429 with Retry-After once an API key has spent its token bucket; runs after authentication.</summary>
public sealed class RateLimitMiddleware(RateLimitSettings settings, ILogger<RateLimitMiddleware> logger) : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, TokenBucketRateLimiter> Buckets = new(StringComparer.Ordinal);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var httpContext = context.GetHttpContext();
        var caller = httpContext is null ? null : RequestCaller.Find(httpContext);
        if (!settings.Enabled || caller is null)
        {
            await next(context);
            return;
        }

        var bucket = Buckets.GetOrAdd(caller.KeyPrefix, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = settings.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        using var lease = bucket.AttemptAcquire();
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        logger.LogWarning("Rate limit reached for {Actor}", caller.Name);
        httpContext!.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await new ProblemResult(429, "Too many requests.", $"This API key has used its request budget; retry after {retryAfter} s.").WriteAsync(httpContext);
    }
}
