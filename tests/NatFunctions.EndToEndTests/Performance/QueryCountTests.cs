using System.Net;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests.Performance;

/// <summary>
/// The reads run a fixed number of SQL commands however many VMs a page holds and however many forwards a VM has
/// (no N+1): counted from the worker's own command log, between the worker's "Request starting" and
/// "Request finished" lines for that request (one log stream, so the order is kept).
/// </summary>
public sealed class QueryCountTests(QueryCountFixture fixture) : IClassFixture<QueryCountFixture>
{
    private const string CommandLogLine = "Executed DbCommand";
    private static int probe;

    [Fact]
    public async Task A_vm_page_costs_the_same_commands_whatever_its_size()
    {
        var one = await CountCommandsAsync("/v1/vms?page_size=1");
        var fifty = await CountCommandsAsync("/v1/vms?page_size=50");
        var all = await CountCommandsAsync("/v1/vms?page_size=500");
        var secondPage = await CountCommandsAsync($"/v1/vms?page_size=50&cursor={await CursorAfterFirstPageAsync(50)}");

        Assert.InRange(one, 1, 3);
        Assert.Equal(one, fifty);
        Assert.Equal(one, all);
        Assert.Equal(one, secondPage);
    }

    [Fact]
    public async Task A_single_vm_costs_the_same_commands_whatever_its_forwards()
    {
        var counts = new List<int>();
        for (var index = 0; index < 4; index++)
        {
            counts.Add(await CountCommandsAsync($"/v1/vms/{QueryCountFixture.MachineId(index)}"));
        }

        Assert.InRange(counts[0], 1, 3);
        Assert.All(counts, count => Assert.Equal(counts[0], count));
    }

    private async Task<string> CursorAfterFirstPageAsync(int pageSize)
    {
        var page = await (await fixture.AdminClient.GetAsync($"/v1/vms?page_size={pageSize}")).ReadJsonAsync();
        return page.GetProperty("next_cursor").GetString()!;
    }

    private async Task<int> CountCommandsAsync(string path)
    {
        // A unique query string makes this request's start and finish lines unique in the output.
        var url = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}probe={Interlocked.Increment(ref probe)}";
        var response = await fixture.AdminClient.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var absolute = new Uri(fixture.Host.BaseAddress, url).ToString();
        var finished = $"Request finished HTTP/1.1 GET {absolute} - 200";
        await fixture.Host.WaitForOutputAsync(finished, TimeSpan.FromSeconds(30), CancellationToken.None);

        var output = fixture.Host.Output;
        var start = output.IndexOf($"Request starting HTTP/1.1 GET {absolute} ", StringComparison.Ordinal);
        var end = output.IndexOf(finished, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"no request lines for {absolute}");
        var between = output[start..end];
        return between.Split('\n').Count(line => line.Contains(CommandLogLine, StringComparison.Ordinal));
    }
}
