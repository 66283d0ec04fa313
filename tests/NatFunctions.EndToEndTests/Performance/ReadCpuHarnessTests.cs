using NatFunctions.LoadTests;

namespace NatFunctions.EndToEndTests.Performance;

/// <summary>
/// The load harness's read CPU mode (tests/NatFunctions.LoadTests, <c>--read-cpu</c>) at a tiny scale: the worker
/// through LocalHost and the read floor on one seeded database, each read checked for 200 and its page's item count,
/// each server's CPU clock moving. The figures themselves are a benchmark (docs/benchmarks.md §3), not asserted.
/// </summary>
public sealed class ReadCpuHarnessTests
{
    [Fact]
    public async Task Both_servers_answer_every_page_read_and_use_cpu()
    {
        using var output = new StringWriter();

        var report = await ReadCpuComparison.RunAsync(
            vms: 150, requests: 20, warmUpRequests: 5, rps: 20, rounds: 1, new Dictionary<string, string>(), output, CancellationToken.None);

        // 150 VMs at page_size 100: the walk followed next_cursor to a second, shorter page.
        Assert.Equal([100, 50], report.PageItems);
        Assert.Single(report.Worker);
        Assert.Single(report.Floor);
        Assert.All(report.Worker.Concat(report.Floor), result =>
        {
            Assert.True(result.Failures == 0, $"{result.Server}: {result.FailureKinds}{Environment.NewLine}{output}");
            Assert.Equal(20, result.Latency.Count);
            Assert.True(result.Cpu > TimeSpan.Zero, $"{result.Server} used no CPU: {output}");
        });
        Assert.StartsWith("worker cpu per read: ", report.Summary(), StringComparison.Ordinal);
    }
}
