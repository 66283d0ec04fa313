using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NatFunctions.Testing;

/// <summary>
/// A running NatFunctions.LocalHost (and through it the real worker build), as a user would start it:
/// <c>dotnet NatFunctions.LocalHost.dll --urls http://127.0.0.1:0 --app-dir &lt;worker build&gt; --local-settings &lt;file&gt;</c>.
/// Port 0 lets the OS pick a free port; the actual address is read from the host's ready line. The end-to-end tests
/// keep all its output; the load harness, under which it prints a lot, only the last lines (for error messages).
/// </summary>
public sealed partial class LocalHostProcess : IAsyncDisposable
{
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly int? keptLines;
    private readonly Queue<string> lines = new();
    private readonly List<(string Text, TaskCompletionSource<string> Seen)> watchers = [];
    private readonly Lock gate = new();

    private LocalHostProcess(Process process, int? keptLines)
    {
        this.process = process;
        this.keptLines = keptLines;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>
    /// What the host printed so far (its own log, the worker's stdout/stderr and relayed worker logs), one line each;
    /// only the last lines when it was started with <c>keptLines</c>.
    /// </summary>
    public string Output
    {
        get
        {
            lock (gate)
            {
                var text = new StringBuilder();
                foreach (var line in lines)
                {
                    text.AppendLine(line);
                }

                return text.ToString();
            }
        }
    }

    /// <param name="environment">Added to (or, with a null value, removed from) the inherited environment; this is how
    /// tests pass app settings (e.g. <c>SyncSchedule</c>, <c>Database__ConnectionString</c>).</param>
    /// <param name="localSettingsFile">Passed as --local-settings so a developer's own local.settings.json never leaks into tests.</param>
    /// <param name="keptLines">Keep only this many last lines of output (null: all); <see cref="WaitForOutputAsync"/> still sees every line.</param>
    public static Task<LocalHostProcess> StartAsync(
        IReadOnlyDictionary<string, string?> environment, string localSettingsFile, TimeSpan readyTimeout, CancellationToken cancellationToken,
        int? keptLines = null) =>
        StartAsync(
            [BuildOutputs.LocalHostAssembly, "--urls", "http://127.0.0.1:0", "--app-dir", BuildOutputs.WorkerDirectory, "--local-settings", localSettingsFile],
            environment, Path.GetDirectoryName(localSettingsFile)!, readyTimeout, cancellationToken, keptLines);

    /// <summary>
    /// The reads benchmark's floor (tests/NatFunctions.ReadFloor) with the same settings as the worker it is compared
    /// with; it prints the same kind of ready line.
    /// </summary>
    public static Task<LocalHostProcess> StartReadFloorAsync(
        IReadOnlyDictionary<string, string?> environment, string workingDirectory, TimeSpan readyTimeout, CancellationToken cancellationToken,
        int? keptLines = null) =>
        StartAsync([BuildOutputs.ReadFloorAssembly, "--urls", "http://127.0.0.1:0"], environment, workingDirectory, readyTimeout, cancellationToken, keptLines);

    private static async Task<LocalHostProcess> StartAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, string workingDirectory, TimeSpan readyTimeout,
        CancellationToken cancellationToken, int? keptLines)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var host = new LocalHostProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, keptLines);
        host.process.OutputDataReceived += (_, line) => host.Append(line.Data);
        host.process.ErrorDataReceived += (_, line) => host.Append(line.Data);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(readyTimeout, cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The first line of output that contains <paramref name="text"/>, once there is one; throws a TimeoutException
    /// carrying the output otherwise.
    /// </summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (lines.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } earlier)
            {
                return earlier;
            }

            watchers.Add((text, seen));
        }

        try
        {
            return await seen.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"'{text}' did not appear within {timeout}. Output:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>Asks the host to shut down as Ctrl+C or a service manager would (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopGracefullyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using (var signal = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])))
        {
            await signal!.WaitForExitAsync(cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ready = WaitForOutputAsync(" ready: ", timeout, cancellationToken);
        if (await Task.WhenAny(ready, process.WaitForExitAsync(cancellationToken)) != ready)
        {
            throw new InvalidOperationException($"{Path.GetFileName(process.StartInfo.ArgumentList[0])} exited with code {process.ExitCode} before it was ready. Output:{Environment.NewLine}{Output}");
        }

        var address = ReadyLine().Match(await ready);
        BaseAddress = new Uri(address.Groups["address"].Value);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource<string>> satisfied;
        lock (gate)
        {
            lines.Enqueue(line);
            if (lines.Count > keptLines)
            {
                lines.Dequeue();
            }

            satisfied = watchers.Where(watcher => line.Contains(watcher.Text, StringComparison.Ordinal)).Select(watcher => watcher.Seen).ToList();
            watchers.RemoveAll(watcher => satisfied.Contains(watcher.Seen));
        }

        satisfied.ForEach(seen => seen.TrySetResult(line));
    }

    [GeneratedRegex(@"(?:LocalHost|ReadFloor) ready: (?<address>[^\s,]+)")]
    private static partial Regex ReadyLine();
}
