using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Security;

/// <summary>
/// Unauthenticated traffic is not free: wrong keys and anonymous calls spend one budget per client address, and an
/// address that has spent it gets 429 with Retry-After before any key is looked up.
/// </summary>
public sealed class AddressLimitTests(AddressLimitedLocalHostFixture fixture) : IClassFixture<AddressLimitedLocalHostFixture>
{
    [Fact]
    public async Task Failed_authentication_and_anonymous_calls_from_one_address_are_limited_with_429_and_retry_after()
    {
        using var guessing = fixture.ClientWithKey("nfk_abcdefghijkl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await guessing.GetAsync("/v1/vms"));
        }

        var allowed = 5 + (int)clock.Elapsed.TotalSeconds + 1;
        var limited = responses.First(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        using var anonymousWhileSpent = await fixture.Client.GetAsync("/v1/health");

        Assert.All(responses, response => Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"{(int)response.StatusCode}"));
        Assert.InRange(responses.Count(response => response.StatusCode == HttpStatusCode.Unauthorized), 5, allowed);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.TooManyRequests, anonymousWhileSpent.StatusCode);

        // The bucket refills: after a pause the address may ask again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        using var later = await fixture.Client.GetAsync("/v1/health");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        responses.ForEach(response => response.Dispose());
    }
}
