using System.Diagnostics;
using System.Net.Http.Json;

namespace NatFunctions.LoadTests;

/// <summary>
/// Fires N provisions at once (each a new VM with the default three forwards) and waits for every answer. A request
/// is answered when the commit carrying its change has ended, so the wall time covers the router work too. What the
/// router ran meanwhile (its command log) gives the router's own bound for the burst.
/// </summary>
internal static class ProvisionBurst
{
    /// <summary>
    /// The one-commit-per-request way of the earlier service and the Terraform providers: every request waits its turn
    /// for the router and its session carries only its own change. The harness makes it so by letting a request through
    /// only when the one before it was answered (each group commit then holds one request); its latency still counts from
    /// the burst's start, as a request queued on the router's lock would (decision 0027).
    /// </summary>
    public const string BaselineMode = "per-request";

    public static async Task<BurstResult> RunAsync(
        LoadStack stack, IHarnessRouter router, string mode, int concurrency, string namePrefix, CancellationToken cancellationToken)
    {
        var commitsBefore = await stack.CountCommitsAsync(cancellationToken);
        var logBefore = router.CommandLogLength();
        using var start = new SemaphoreSlim(0);
        using var turn = new SemaphoreSlim(mode == BaselineMode ? 1 : concurrency);
        var requests = Enumerable.Range(0, concurrency)
            .Select(index => ProvisionOneAsync(stack.Client, $"{namePrefix}-{index:D4}", start, turn, cancellationToken))
            .ToList();
        var wall = Stopwatch.StartNew();
        start.Release(concurrency);
        var outcomes = await Task.WhenAll(requests);
        wall.Stop();
        var work = await router.ReadWorkSinceAsync(logBefore, cancellationToken);
        var commits = await stack.CountCommitsAsync(cancellationToken) - commitsBefore;
        return new BurstResult(
            mode,
            concurrency,
            wall.Elapsed,
            LatencySummary.Of(outcomes.Select(outcome => outcome.Latency).ToList()),
            commits,
            outcomes.GroupBy(outcome => outcome.Status).ToDictionary(group => group.Key, group => group.Count()),
            work,
            router.Model.BoundOf(work));
    }

    private static async Task<(int Status, TimeSpan Latency)> ProvisionOneAsync(
        HttpClient client, string vmName, SemaphoreSlim start, SemaphoreSlim turn, CancellationToken cancellationToken)
    {
        await start.WaitAsync(cancellationToken);
        var timer = Stopwatch.StartNew();
        await turn.WaitAsync(cancellationToken);
        try
        {
            using var response = await client.PostAsJsonAsync("/v1/vms/provision", new { vm_name = vmName }, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return ((int)response.StatusCode, timer.Elapsed);
        }
        finally
        {
            turn.Release();
        }
    }
}
