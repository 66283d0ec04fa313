using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using NatFunctions.EndToEndTests.Hosting;

namespace NatFunctions.EndToEndTests;

/// <summary>Start-up reporting and worker clean-up; each test runs its own host.</summary>
public sealed partial class LocalHostLifetimeTests : IDisposable
{
    private readonly DirectoryInfo scratch = Directory.CreateTempSubdirectory("natfunctions-e2e-lifetime-");

    [Fact]
    public async Task A_missing_timer_setting_is_reported_and_the_rest_of_the_app_still_serves()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["SyncSchedule"] = null });
        using var client = ApiClients.Create(host.BaseAddress);

        using var response = await client.GetAsync("/v1/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Timer function 'SyncTimer' will not run", host.Output, StringComparison.Ordinal);
        Assert.Contains("'SyncSchedule' is not set", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_host_stops_the_worker_and_exits_cleanly()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>());
        var workerId = WorkerProcessId(host.Output);

        var exitCode = await host.StopGracefullyAsync(TimeSpan.FromSeconds(20), CancellationToken.None);

        Assert.Equal(0, exitCode);
        await AssertExitsAsync(workerId, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_killed_host_does_not_leave_its_worker_running()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>());
        var workerId = WorkerProcessId(host.Output);

        // Only the host process, as a crash or SIGKILL would end it; the worker is left to notice.
        using (var hostProcess = Process.GetProcessById(host.ProcessId))
        {
            hostProcess.Kill(entireProcessTree: false);
        }

        await AssertExitsAsync(workerId, TimeSpan.FromSeconds(20));
    }

    public void Dispose() => scratch.Delete(recursive: true);

    private async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var localSettings = Path.Combine(scratch.FullName, "local.settings.json");
        await File.WriteAllTextAsync(localSettings, """{ "Values": {} }""");
        return await LocalHostProcess.StartAsync(environment, localSettings, LocalHostProcess.DefaultReadyTimeout, CancellationToken.None);
    }

    private static int WorkerProcessId(string output)
        => int.Parse(StartedWorkerLine().Match(output).Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AssertExitsAsync(int processId, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (IsRunning(processId))
        {
            Assert.False(deadline.IsCancellationRequested, $"Worker process {processId} still runs after {timeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"Started worker .* \(pid (?<pid>\d+)\)")]
    private static partial Regex StartedWorkerLine();
}
