using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NatFunctions.LoadTests;

/// <summary>
/// NatFunctions.LocalHost (and through it the real worker build) as a user starts it, or the read floor
/// (tests/NatFunctions.ReadFloor), on a free loopback port; the address comes from its ready line. Only the last
/// lines of its output are kept, for error messages: under load it prints a lot.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(180);

    private readonly Process process;
    private readonly Queue<string> lastLines = new();
    private readonly TaskCompletionSource<Uri> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();

    private ServerProcess(Process process) => this.process = process;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int ProcessId => process.Id;

    public string RecentOutput
    {
        get
        {
            lock (gate)
            {
                return string.Join(Environment.NewLine, lastLines);
            }
        }
    }

    public static async Task<ServerProcess> StartLocalHostAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, CancellationToken cancellationToken)
    {
        var localSettings = Path.Combine(workingDirectory, "local.settings.json");
        await File.WriteAllTextAsync(localSettings, """{ "IsEncrypted": false, "Values": {} }""", cancellationToken);
        return await StartAsync(
            [RepositoryLayout.LocalHostAssembly, "--urls", "http://127.0.0.1:0", "--app-dir", RepositoryLayout.WorkerDirectory, "--local-settings", localSettings],
            environment, workingDirectory, cancellationToken);
    }

    /// <summary>The read floor with the same settings (database, routers) as the worker it is compared with.</summary>
    public static Task<ServerProcess> StartReadFloorAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, CancellationToken cancellationToken) =>
        StartAsync([RepositoryLayout.ReadFloorAssembly, "--urls", "http://127.0.0.1:0"], environment, workingDirectory, cancellationToken);

    private static async Task<ServerProcess> StartAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, CancellationToken cancellationToken)
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
            start.Environment[name] = value;
        }

        var host = new ServerProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        host.process.OutputDataReceived += (_, line) => host.Append(line.Data);
        host.process.ErrorDataReceived += (_, line) => host.Append(line.Data);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        try
        {
            var exited = host.process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(host.ready.Task, exited).WaitAsync(ReadyTimeout, cancellationToken);
            if (first != host.ready.Task)
            {
                throw new InvalidOperationException($"{Path.GetFileName(arguments[0])} exited with code {host.process.ExitCode} before it was ready:{Environment.NewLine}{host.RecentOutput}");
            }

            host.BaseAddress = await host.ready.Task;
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > KeptLines)
            {
                lastLines.Dequeue();
            }
        }

        if (!ready.Task.IsCompleted && ReadyLine().Match(line) is { Success: true } match)
        {
            ready.TrySetResult(new Uri(match.Groups["address"].Value));
        }
    }

    [GeneratedRegex(@"(?:LocalHost|ReadFloor) ready: (?<address>[^\s,]+)")]
    private static partial Regex ReadyLine();
}
