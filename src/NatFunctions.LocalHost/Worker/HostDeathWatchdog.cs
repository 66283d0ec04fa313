using System.Diagnostics;
using System.Globalization;

namespace NatFunctions.LocalHost.Worker;

/// <summary>
/// Stops the worker if this host dies without stopping it (SIGKILL, crash): the worker does not exit when its gRPC
/// stream breaks, so it would otherwise linger holding its port. A detached shell polls both pids; it is a separate
/// process because nothing inside a killed host can run.
/// </summary>
internal sealed class HostDeathWatchdog : IDisposable
{
    private const string Script =
        """
        while kill -0 "$1" 2>/dev/null; do
          kill -0 "$2" 2>/dev/null || exit 0
          sleep 1
        done
        kill -TERM "$2" 2>/dev/null
        for second in 1 2 3 4 5; do
          kill -0 "$2" 2>/dev/null || exit 0
          sleep 1
        done
        kill -KILL "$2" 2>/dev/null
        """;

    private readonly Process? watcher;

    private HostDeathWatchdog(Process? watcher) => this.watcher = watcher;

    public static HostDeathWatchdog Start(int workerProcessId)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
        {
            return new HostDeathWatchdog(null);
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            // Redirected and never read, so the watcher does not hold this host's console pipes open after it dies.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-c", Script, "localhost-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), workerProcessId.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new HostDeathWatchdog(Process.Start(start));
    }

    public void Dispose()
    {
        if (watcher is null)
        {
            return;
        }

        try
        {
            watcher.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        watcher.Dispose();
    }
}
