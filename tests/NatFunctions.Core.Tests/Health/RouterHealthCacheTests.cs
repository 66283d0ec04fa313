using NatFunctions.Core.Health;

namespace NatFunctions.Core.Tests.Health;

public sealed class RouterHealthCacheTests
{
    [Fact]
    public async Task Concurrent_health_checks_of_a_cold_router_run_one_probe()
    {
        var cache = new RouterHealthCache(TimeProvider.System);
        var probes = 0;
        var answer = new TaskCompletionSource<ComponentHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<ComponentHealth> Probe(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref probes);
            // A probe does its first router work synchronously (opening the connection): a wide window for a second one.
            Thread.Sleep(50);
            return answer.Task;
        }

        using var start = new Barrier(8);
        // Own threads, and the probe's task handed back unawaited: the callers only start their checks at once.
        var callers = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return cache.GetAsync("edge", Probe);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();
        var waiting = await Task.WhenAll(callers);
        answer.SetResult(ComponentHealth.Ok);
        var results = await Task.WhenAll(waiting);

        Assert.Equal(1, probes);
        Assert.All(results, result => Assert.Equal(ComponentHealth.Ok, result));
    }

    [Fact]
    public async Task A_probe_still_running_after_the_freshness_window_is_shared_not_repeated()
    {
        var clock = new SteppedClock();
        var cache = new RouterHealthCache(clock);
        var probes = 0;
        var answer = new TaskCompletionSource<ComponentHealth>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<ComponentHealth> Probe(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref probes);
            return answer.Task;
        }

        var first = cache.GetAsync("edge", Probe);
        clock.Advance(RouterHealthCache.Freshness + TimeSpan.FromSeconds(1));
        var second = cache.GetAsync("edge", Probe);
        answer.SetResult(ComponentHealth.Unreachable);
        var secondResult = await second;
        clock.Advance(RouterHealthCache.Freshness + TimeSpan.FromSeconds(1));
        var third = cache.GetAsync("edge", Probe);

        Assert.Same(first, second);
        Assert.Equal(ComponentHealth.Unreachable, secondResult);
        Assert.NotSame(first, third);
        Assert.Equal(2, probes);
    }

    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan step) => now += step;
    }
}
