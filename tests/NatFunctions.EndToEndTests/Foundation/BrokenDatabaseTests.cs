using System.Net;
using Microsoft.Data.Sqlite;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Foundation;

/// <summary>
/// What callers and operators see when the database fails under a running app: health says unhealthy with 503, and
/// an exception nobody handles becomes a 500 problem with no internal text, its correlation id in the header, the
/// body and the log. The fault is real: a table the app needs is dropped behind its back.
/// </summary>
public sealed class BrokenDatabaseTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private const string WellFormedUnknownKey = "nfk_abcdefghijkl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Fact]
    public async Task Health_is_503_unhealthy_when_the_database_fails()
    {
        await DropApiKeysTableAsync();

        using var response = await fixture.AdminClient.GetAsync("/v1/health");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.NotEqual("ok", body.GetProperty("database").GetString());
        Assert.Equal("ok", body.GetProperty("routers").GetProperty("local").GetString());
    }

    [Fact]
    public async Task An_unhandled_exception_is_a_500_problem_with_a_correlation_id_and_no_internal_text()
    {
        await DropApiKeysTableAsync();
        using var client = fixture.ClientWithKey(WellFormedUnknownKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/vms");
        request.Headers.Add("X-Correlation-Id", "e2e-broken-db-0001");

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("e2e-broken-db-0001", body.GetProperty("correlation_id").GetString());
        Assert.Equal("e2e-broken-db-0001", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.DoesNotContain("ApiKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SQLite", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("exception", text, StringComparison.OrdinalIgnoreCase);
        await fixture.Host.WaitForOutputAsync("e2e-broken-db-0001", TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Contains("no such table", fixture.Host.Output, StringComparison.Ordinal);
    }

    private async Task DropApiKeysTableAsync()
    {
        var path = Path.Combine(fixture.ScratchDirectory, "natfunctions.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TABLE IF EXISTS ApiKeys";
        await command.ExecuteNonQueryAsync();
    }
}
