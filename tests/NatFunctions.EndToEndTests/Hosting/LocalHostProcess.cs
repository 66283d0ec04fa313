using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NatFunctions.EndToEndTests.Hosting;

/// <summary>
/// A running NatFunctions.LocalHost (and through it the real worker build), as a user would start it:
/// <c>dotnet NatFunctions.LocalHost.dll --urls http://127.0.0.1:0 --app-dir &lt;worker build&gt; --local-settings &lt;file&gt;</c>.
/// Port 0 lets the OS pick a free port; the actual address is read from the host's ready line.
/// </summary>
public sealed partial class LocalHostProcess : IAsyncDisposable
{
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> watchers = [];
    private readonly Lock gate = new();

    private LocalHostProcess(Process process) => this.process = process;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Everything the host printed so far (its own log, the worker's stdout/stderr and relayed worker logs).</summary>
    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="environment">Added to (or, with a null value, removed from) the inherited environment; this is how
    /// tests pass app settings (e.g. <c>SyncSchedule</c>, <c>Database__ConnectionString</c>).</param>
    /// <param name="localSettingsFile">Passed as --local-settings so a developer's own local.settings.json never leaks into tests.</param>
    public static async Task<LocalHostProcess> StartAsync(
        IReadOnlyDictionary<string, string?> environment, string localSettingsFile, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(localSettingsFile)!,
        };
        foreach (var argument in new[] { BuildOutputs.LocalHostAssembly, "--urls", "http://127.0.0.1:0", "--app-dir", BuildOutputs.WorkerDirectory, "--local-settings", localSettingsFile })
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

        var host = new LocalHostProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
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

    /// <summary>Completes once the output contains <paramref name="text"/>; throws a TimeoutException carrying the output otherwise.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            watchers.Add((text, seen));
        }

        try
        {
            await seen.Task.WaitAsync(timeout, cancellationToken);
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
        var ready = WaitForOutputAsync("LocalHost ready: ", timeout, cancellationToken);
        if (await Task.WhenAny(ready, process.WaitForExitAsync(cancellationToken)) != ready)
        {
            throw new InvalidOperationException($"LocalHost exited with code {process.ExitCode} before it was ready. Output:{Environment.NewLine}{Output}");
        }

        await ready;
        var address = ReadyLine().Match(Output);
        BaseAddress = new Uri(address.Groups["address"].Value);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource> satisfied;
        lock (gate)
        {
            output.AppendLine(line);
            var text = output.ToString();
            satisfied = watchers.Where(watcher => text.Contains(watcher.Text, StringComparison.Ordinal)).Select(watcher => watcher.Seen).ToList();
            watchers.RemoveAll(watcher => satisfied.Contains(watcher.Seen));
        }

        satisfied.ForEach(seen => seen.TrySetResult());
    }

    [GeneratedRegex(@"LocalHost ready: (?<address>[^\s,]+)")]
    private static partial Regex ReadyLine();
}
