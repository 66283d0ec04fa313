using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace NatFunctions.LoadTests;

/// <summary>
/// The CPU a server spends per <c>GET /v1/vms?page_size=100</c>: the pages are walked once with the API's
/// <c>next_cursor</c> (warm-up, and each page's item count), then a fixed count of reads goes out open-loop at a fixed
/// rate (read i is sent at i / rate seconds whether or not earlier ones were answered), page i mod pages, so the run
/// cycles through every page. The server's CPU clock is read before the first and after the last answer.
/// </summary>
internal sealed class ReadCpuMeasurement(HttpClient client, int pageSize)
{
    private readonly List<(string Path, int Items)> pages = [];

    public IReadOnlyList<(string Path, int Items)> Pages => pages;

    /// <summary>Walks every page once and records its path and item count.</summary>
    public async Task WalkPagesAsync(CancellationToken cancellationToken)
    {
        pages.Clear();
        string? cursor = null;
        do
        {
            var path = $"/v1/vms?page_size={pageSize}" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            using var document = JsonDocument.Parse(await client.GetStringAsync(path, cancellationToken));
            pages.Add((path, document.RootElement.GetProperty("items").GetArrayLength()));
            cursor = document.RootElement.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);
    }

    public async Task<ReadCpuResult> RunAsync(string server, ProcessCpuClock cpu, int requests, double rps, CancellationToken cancellationToken)
    {
        if (pages.Count == 0) throw new InvalidOperationException("Walk the pages first.");
        var latencies = new ConcurrentBag<TimeSpan>();
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var sends = new List<Task>(requests);
        var cpuBefore = cpu.Now();
        var clock = Stopwatch.StartNew();
        for (var index = 0; index < requests; index++)
        {
            var due = TimeSpan.FromSeconds(index / rps);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            var (path, items) = pages[index % pages.Count];
            sends.Add(SendAsync(path, items));
        }

        await Task.WhenAll(sends);
        var elapsed = clock.Elapsed;
        var cpuUsed = cpu.Now() - cpuBefore;
        return new ReadCpuResult(server, requests, rps, elapsed, cpuUsed, LatencySummary.Of(latencies), failures.Values.Sum(),
            string.Join(", ", failures.OrderBy(failure => failure.Key, StringComparer.Ordinal).Select(failure => $"{failure.Key} x{failure.Value}")));

        async Task SendAsync(string path, int expectedItems)
        {
            var timer = Stopwatch.StartNew();
            string? failure;
            try
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                latencies.Add(timer.Elapsed);
                failure = response.StatusCode != HttpStatusCode.OK ? $"status {(int)response.StatusCode}: {Excerpt(await response.Content.ReadAsStringAsync(cancellationToken))}"
                    : await ItemCountAsync(response, cancellationToken) is var items && items != expectedItems ? $"{items} items, not {expectedItems}"
                    : null;
            }
            catch (HttpRequestException exception)
            {
                // An overloaded server may reset connections: a failure of that read, not of the run.
                failure = exception.InnerException?.Message ?? exception.Message;
            }

            if (failure is not null)
            {
                failures.AddOrUpdate(failure, 1, (_, count) => count + 1);
            }
        }
    }

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200];

    private static async Task<int> ItemCountAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.GetProperty("items").GetArrayLength();
    }
}
