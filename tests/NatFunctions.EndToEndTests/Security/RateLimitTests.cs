using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Security;

public sealed class RateLimitedLocalHostFixture : LocalHostFixture
{
    protected override void ConfigureEnvironment(IDictionary<string, string?> environment)
    {
        environment["RateLimit__PermitsPerSecond"] = "1";
        environment["RateLimit__Burst"] = "5";
    }
}

public sealed class RateLimitTests(RateLimitedLocalHostFixture fixture) : IClassFixture<RateLimitedLocalHostFixture>
{
    [Fact]
    public async Task A_key_over_its_budget_gets_429_with_retry_after_while_other_keys_are_unaffected()
    {
        var statuses = new List<HttpResponseMessage>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add(await fixture.AdminClient.GetAsync("/v1/admin/api-keys"));
        }

        // The bucket holds 5 and refills 1 per second, so at most 5 + elapsed whole seconds (+1 for a partial one) pass.
        var allowed = 5 + (int)clock.Elapsed.TotalSeconds + 1;

        var limited = statuses.First(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        using var anonymous = await fixture.Client.GetAsync("/v1/health");

        Assert.InRange(statuses.Count(response => response.StatusCode == HttpStatusCode.OK), 5, allowed);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }
}
