using System.Globalization;

namespace NatFunctions.LoadTests;

/// <summary>
/// Worker CPU per page read against the floor of this stack, in one run: one LocalHost + worker on a fresh SQLite file
/// seeded with <c>vms</c> VMs, and the read floor (tests/NatFunctions.ReadFloor: the same query, projection and JSON
/// dialect as a plain ASP.NET Core minimal API) on the same file and settings. Each server gets the same pages walked
/// once and a warm-up, then the rounds alternate worker, floor, worker, floor so load drift on a shared machine hits
/// both. The router is the simulated transport and is never reached: a page read does not talk to the router.
/// </summary>
internal static class ReadCpuComparison
{
    public const int PageSize = 100;

    public static async Task<ReadCpuReport> RunAsync(
        int vms, int requests, int warmUpRequests, double rps, int rounds, IReadOnlyDictionary<string, string> extraSettings,
        TextWriter output, CancellationToken cancellationToken)
    {
        var routerState = Directory.CreateTempSubdirectory("nf-read-router-").FullName;
        try
        {
            await using var stack = await LoadStack.StartAsync(LoadStack.SimulatedRouterEnvironment(routerState), extraSettings, cancellationToken);
            var machineIds = await VmSeeder.SeedAsync(stack, vms, cancellationToken);
            await using var floor = await stack.StartReadFloorAsync(cancellationToken);
            using var floorClient = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = floor.BaseAddress };
            // The same request bytes to both; the floor does not check the key.
            floorClient.DefaultRequestHeaders.Add("X-API-Key", AdminKey.Value);

            var servers = new (string Name, ProcessCpuClock Cpu, ReadCpuMeasurement Measurement)[]
            {
                ("worker", stack.Worker, new ReadCpuMeasurement(stack.Client, PageSize)),
                ("floor", new ProcessCpuClock(floor.ProcessId), new ReadCpuMeasurement(floorClient, PageSize)),
            };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"read cpu: seeded {machineIds.Count} VMs ({machineIds.Count * 3} forwards); worker pid {servers[0].Cpu.ProcessId} behind LocalHost {stack.Client.BaseAddress}, floor pid {servers[1].Cpu.ProcessId} at {floor.BaseAddress}"));
            foreach (var (name, cpu, measurement) in servers)
            {
                await measurement.WalkPagesAsync(cancellationToken);
                var warmUp = await measurement.RunAsync(name, cpu, warmUpRequests, rps, cancellationToken);
                output.WriteLine($"  warm-up {warmUp}");
            }

            var results = new List<ReadCpuResult>();
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var (name, cpu, measurement) in servers)
                {
                    var loadBefore = LoadAverage.Read();
                    var result = await measurement.RunAsync(name, cpu, requests, rps, cancellationToken);
                    output.WriteLine($"  round {round} {result}, load average {loadBefore} -> {LoadAverage.Read()}");
                    results.Add(result);
                }
            }

            if (results.Any(result => result.Server == "worker" && result.Failures > 0))
            {
                // Why the worker or LocalHost answered with an error, from the last lines they printed.
                foreach (var line in stack.RecentOutput.Split(Environment.NewLine).Where(IsProblemLine).TakeLast(10))
                {
                    output.WriteLine($"  worker output: {line}");
                }
            }

            return new ReadCpuReport(
                servers[0].Measurement.Pages.Select(page => page.Items).ToList(),
                results.Where(result => result.Server == "worker").ToList(),
                results.Where(result => result.Server == "floor").ToList());
        }
        finally
        {
            Directory.Delete(routerState, recursive: true);
        }
    }

    private static bool IsProblemLine(string line) =>
        line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("error", StringComparison.OrdinalIgnoreCase)
        || line.Contains("exception", StringComparison.OrdinalIgnoreCase);
}
