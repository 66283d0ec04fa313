using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace NatFunctions.LoadTests;

/// <summary>
/// Closed-loop reads from this (second) process: each client sends its next request only after the previous answer,
/// paced so all clients together aim at the target rate; half are list pages (page_size 50, at a random cursor),
/// half single VMs. A client that falls behind its schedule sends at once (the shortfall shows as achieved rps).
/// </summary>
internal static class ReadLoad
{
    private const int PageSize = 50;

    public static async Task<ReadLoadResult> RunAsync(
        HttpClient client, IReadOnlyList<string> machineIds, double targetRps, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cursors = await CollectCursorsAsync(client, cancellationToken);
        var pages = new ConcurrentBag<TimeSpan>();
        var singles = new ConcurrentBag<TimeSpan>();
        var failures = 0;
        var interval = TimeSpan.FromSeconds(clients / targetRps);
        var clock = Stopwatch.StartNew();

        async Task ClientLoopAsync(int clientIndex)
        {
            var random = new Random(clientIndex);
            // Spread the clients' first sends over one interval so they do not arrive in lockstep.
            var next = interval * clientIndex / clients;
            for (var sent = 0; clock.Elapsed < duration; sent++)
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                next += interval;
                var isPage = sent % 2 == 0;
                var path = isPage
                    ? $"/v1/vms?page_size={PageSize}" + (cursors[random.Next(cursors.Count)] is { } cursor ? $"&cursor={cursor}" : string.Empty)
                    : $"/v1/vms/{machineIds[random.Next(machineIds.Count)]}";
                var timer = Stopwatch.StartNew();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var latency = timer.Elapsed;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }

                (isPage ? pages : singles).Add(latency);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(ClientLoopAsync));
        var elapsed = clock.Elapsed;
        var all = pages.Concat(singles).ToList();
        return new ReadLoadResult(targetRps, (all.Count + failures) / elapsed.TotalSeconds, clients, elapsed,
            LatencySummary.Of(pages), LatencySummary.Of(singles), LatencySummary.Of(all), failures);
    }

    /// <summary>Walks every page once (also a warm-up) and keeps the cursors, null standing for the first page.</summary>
    private static async Task<IReadOnlyList<string?>> CollectCursorsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var cursors = new List<string?> { null };
        string? cursor = null;
        do
        {
            var path = $"/v1/vms?page_size={PageSize}" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            using var document = JsonDocument.Parse(await client.GetStringAsync(path, cancellationToken));
            cursor = document.RootElement.GetProperty("next_cursor").GetString();
            if (cursor is not null) cursors.Add(cursor);
        }
        while (cursor is not null);
        return cursors;
    }
}
