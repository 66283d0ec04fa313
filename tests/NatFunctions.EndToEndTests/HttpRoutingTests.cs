using System.Net;
using System.Text.Json;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests;

public sealed class HttpRoutingTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Health_answers_200_with_json_from_the_worker()
    {
        using var response = await fixture.Client.GetAsync("/v1/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, body.RootElement.ValueKind);
    }

    [Fact]
    public async Task Routes_match_case_insensitively_and_ignore_a_trailing_slash()
    {
        using var upper = await fixture.Client.GetAsync("/V1/HEALTH");
        using var trailing = await fixture.Client.GetAsync("/v1/health/");

        Assert.Equal(HttpStatusCode.OK, upper.StatusCode);
        Assert.Equal(HttpStatusCode.OK, trailing.StatusCode);
    }

    [Fact]
    public async Task Unknown_path_answers_404_problem_json()
    {
        using var response = await fixture.Client.GetAsync("/v1/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Wrong_method_answers_405_with_allow_header()
    {
        using var response = await fixture.Client.PostAsync("/v1/health", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Two_hundred_concurrent_requests_all_succeed()
    {
        var requests = Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await fixture.Client.GetAsync("/v1/health");
            return response.StatusCode;
        });

        var statuses = await Task.WhenAll(requests);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Invocations_are_logged_with_the_function_name()
    {
        using var response = await fixture.Client.GetAsync("/v1/health");

        await fixture.Host.WaitForOutputAsync("Executed 'Functions.Health' (Succeeded", TimeSpan.FromSeconds(10), CancellationToken.None);
    }
}
